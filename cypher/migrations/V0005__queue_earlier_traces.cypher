// Traces stored before the learning loop existed carry neither the Uncurated label nor curatedAt: queue them once,
// so that the next curation run learns from them too.
MATCH (t:Trace) WHERE t.curatedAt IS NULL AND NOT t:Uncurated AND NOT t:CurationFailed
SET t:Uncurated;
