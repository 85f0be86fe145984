// Where a lesson came from and who relied on it. :param lessonId => 'lesson-...'
MATCH (les:Lesson {id: $lessonId})
OPTIONAL MATCH p1 = (les)-[:LEARNED_FROM]->(:Trace)<-[:RECORDED]-(:Agent)
OPTIONAL MATCH p2 = (les)-[:LEARNED_FROM]->(:Trace)-[:ATTEMPTED]->(:Task)
OPTIONAL MATCH p3 = (:Recommendation)-[:CITES]->(les)
OPTIONAL MATCH p4 = (les)-[:MERGED_INTO|SUPERSEDES|CONTRADICTS]-(:Lesson)
OPTIONAL MATCH p5 = (:CurationRun)-[:DECIDED]->(les)
RETURN les, p1, p2, p3, p4, p5;
