// The failure patterns agents hit most, with the API involved and an example trace.
MATCH (f:FailurePattern)
OPTIONAL MATCH (f)-[:INVOLVES]->(a:Api)
CALL (f) { MATCH (t:Trace)-[:HIT]->(f) RETURN t.id AS exampleTrace ORDER BY t.createdAt DESC LIMIT 1 }
RETURN f.signature AS pattern, f.occurrences AS occurrences, a.qualifiedName AS api, exampleTrace
ORDER BY occurrences DESC
LIMIT 50;
