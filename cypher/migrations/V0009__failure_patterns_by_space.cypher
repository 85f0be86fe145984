// A failure pattern keeps, per space, how many of that space's traces hit it and which did last (SEEN_IN), so that a
// pitfall is shown with two property reads instead of a scan of every trace that hit it. Built once from the traces
// recorded before; recordTrace and forgetting keep it from then on.
MATCH (tr:Trace)-[:HIT]->(f:FailurePattern)
WITH f, coalesce(tr.space, 'commons') AS space, tr ORDER BY tr.createdAt DESC
WITH f, space, collect(tr) AS traces
MERGE (s:Space {id: space}) ON CREATE SET s.name = space
MERGE (f)-[seen:SEEN_IN]->(s)
SET seen.occurrences = size(traces), seen.lastTraceId = traces[0].id, seen.lastAt = traces[0].createdAt;
