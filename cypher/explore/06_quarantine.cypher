// Lessons that are not served, and why.
MATCH (les:Lesson {status: 'QUARANTINED'})-[:LEARNED_FROM]->(t:Trace)<-[:RECORDED]-(a:Agent)
RETURN les.id AS lesson, les.quarantineReason AS reason, les.text AS text, a.id AS agent, t.id AS trace, les.createdAt AS at
ORDER BY at DESC;
