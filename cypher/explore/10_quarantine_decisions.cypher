// Quarantined lessons with the decision that quarantined them (screen or knowledge engineer), the trace, agent
// and task they came from; released ones are listed too, with who released them and why.
MATCH (r:CurationRun)-[d:DECIDED]->(les:Lesson)
WHERE d.action IN ['QUARANTINED', 'RELEASED']
OPTIONAL MATCH (les)-[:LEARNED_FROM]->(t:Trace)<-[:RECORDED]-(a:Agent)
OPTIONAL MATCH (t)-[:ATTEMPTED]->(task:Task)
RETURN les.id AS lesson, les.kind AS kind, les.status AS status, d.action AS action, d.reason AS reason, d.at AS at,
       r.trigger AS trigger, a.id AS agent, t.id AS trace, left(task.text, 120) AS task, left(les.text, 200) AS text
ORDER BY at DESC
LIMIT 200;
