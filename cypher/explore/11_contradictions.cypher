// Fix lessons that contradict each other (one dropped what the other added), whether they are still held back,
// and how the evidence stands; SUPERSEDES shows the settled ones.
MATCH (a:Lesson)-[:CONTRADICTS]->(b:Lesson)
WHERE a.id < b.id
OPTIONAL MATCH (w:Lesson)-[:SUPERSEDES]->(x:Lesson) WHERE (w = a AND x = b) OR (w = b AND x = a)
RETURN a.id AS lesson, left(a.text, 120) AS says, a.status AS status, a.trust AS trust, a.helpful + a.unhelpful AS evidence,
       b.id AS other, left(b.text, 120) AS otherSays, b.status AS otherStatus, b.trust AS otherTrust,
       b.helpful + b.unhelpful AS otherEvidence, a.contested OR b.contested AS heldBack, w.id AS winner
ORDER BY heldBack DESC, evidence + otherEvidence DESC;
