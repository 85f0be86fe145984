// A recommendation: its task, what it cited (in rank order) and the ratings of agents that followed it.
// :param recommendationId => 'rec-...'
MATCH (r:Recommendation {id: $recommendationId})-[:FOR]->(t:Task)
OPTIONAL MATCH (r)-[c:CITES]->(item)
WITH r, t, c, item ORDER BY c.rank
WITH r, t, collect({rank: c.rank, score: c.score, kind: labels(item)[0],
                    ref: coalesce(item.id, item.signature)}) AS cited
OPTIONAL MATCH (tr:Trace)-[f:FOLLOWED]->(r)
RETURN r.id AS recommendation, r.recipe AS recipe, t.text AS task, r.text AS advice, cited,
       collect({trace: tr.id, outcome: tr.outcome, rating: f.rating}) AS followedBy;
