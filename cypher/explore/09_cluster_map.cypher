// Clusters of related lessons: label, size, how many are served, their main APIs and a sample of texts.
MATCH (c:LessonCluster)<-[:IN_CLUSTER]-(les:Lesson)
WITH c, collect(les) AS lessons
RETURN c.id AS cluster, c.label AS label, size(lessons) AS lessons,
       size([l IN lessons WHERE l.status = 'ACTIVE']) AS active,
       size([l IN lessons WHERE l.status = 'CANDIDATE']) AS candidates,
       reduce(apis = [], l IN lessons | apis + [a IN coalesce(l.apis, []) WHERE NOT a IN apis])[..5] AS apis,
       [l IN lessons | left(l.text, 100)][..3] AS sample
ORDER BY lessons DESC
LIMIT 100;
