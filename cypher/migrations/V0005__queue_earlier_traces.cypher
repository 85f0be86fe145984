// Traces stored before the learning loop existed carry neither the Uncurated label nor curatedAt: queue them once,
// so that the next curation run learns from them too. Traces that lessons were learned from when they were recorded
// are left out: their lessons exist already.
MATCH (t:Trace) WHERE t.curatedAt IS NULL AND NOT t:Uncurated AND NOT t:CurationFailed
  AND NOT EXISTS { (:Lesson)-[:LEARNED_FROM]->(t) }
SET t:Uncurated;
