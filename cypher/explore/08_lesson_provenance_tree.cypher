// A canonical lesson as a tree: its merged duplicates, the traces each was learned from (with their agents and
// tasks; role 'failure' marks the failed attempt behind a fix), its cluster, and the runs that decided about it.
// :param lessonId => 'lesson-...'
MATCH (les:Lesson {id: $lessonId})
OPTIONAL MATCH dup = (les)<-[:MERGED_INTO]-(:Lesson)
OPTIONAL MATCH src = (les)<-[:MERGED_INTO*0..1]-(:Lesson)-[:LEARNED_FROM]->(:Trace)<-[:RECORDED]-(:Agent)
OPTIONAL MATCH task = (les)<-[:MERGED_INTO*0..1]-(:Lesson)-[:LEARNED_FROM]->(:Trace)-[:ATTEMPTED]->(:Task)
OPTIONAL MATCH cluster = (les)-[:IN_CLUSTER]->(:LessonCluster)
OPTIONAL MATCH grounding = (les)-[:APPLIES_TO|BACKED_BY|AVOIDS]->()
OPTIONAL MATCH decided = (:CurationRun)-[:DECIDED]->(les)
RETURN les, dup, src, task, cluster, grounding, decided;
