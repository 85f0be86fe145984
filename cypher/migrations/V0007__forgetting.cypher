// Audit records of forgetting on request: one node per request, found by the hash of its subject.
CREATE CONSTRAINT forgetting_id IF NOT EXISTS FOR (f:Forgetting) REQUIRE f.id IS UNIQUE;
CREATE INDEX forgetting_subject IF NOT EXISTS FOR (f:Forgetting) ON (f.subjectHash);
