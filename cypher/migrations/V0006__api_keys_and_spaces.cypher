// API keys: looked up by id on every authenticated request. Only the SHA-256 of a key's secret is stored.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
// Lessons are served and merged within their space: listings and curation filter on it.
CREATE INDEX lesson_space IF NOT EXISTS FOR (l:Lesson) ON (l.space);
CREATE INDEX trace_space IF NOT EXISTS FOR (t:Trace) ON (t.space);
