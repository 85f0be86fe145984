// Identity of every node kind in Spark's graph. Applied at start; IF NOT EXISTS keeps it idempotent.
CREATE CONSTRAINT library_name IF NOT EXISTS FOR (l:Library) REQUIRE l.name IS UNIQUE;
CREATE CONSTRAINT api_qualified_name IF NOT EXISTS FOR (a:Api) REQUIRE a.qualifiedName IS UNIQUE;
CREATE CONSTRAINT doc_id IF NOT EXISTS FOR (d:Doc) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT agent_id IF NOT EXISTS FOR (a:Agent) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (t:Task) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT task_hash IF NOT EXISTS FOR (t:Task) REQUIRE t.hash IS UNIQUE;
CREATE CONSTRAINT trace_id IF NOT EXISTS FOR (t:Trace) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT failure_signature IF NOT EXISTS FOR (f:FailurePattern) REQUIRE f.signature IS UNIQUE;
CREATE CONSTRAINT recommendation_id IF NOT EXISTS FOR (r:Recommendation) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT lesson_id IF NOT EXISTS FOR (l:Lesson) REQUIRE l.id IS UNIQUE;
CREATE CONSTRAINT lesson_cluster_id IF NOT EXISTS FOR (c:LessonCluster) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT curation_run_id IF NOT EXISTS FOR (r:CurationRun) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT space_id IF NOT EXISTS FOR (s:Space) REQUIRE s.id IS UNIQUE;
CREATE INDEX doc_doc_id IF NOT EXISTS FOR (d:Doc) ON (d.docId);
CREATE INDEX doc_library IF NOT EXISTS FOR (d:Doc) ON (d.library);
CREATE INDEX lesson_status IF NOT EXISTS FOR (l:Lesson) ON (l.status);
CREATE INDEX trace_created_at IF NOT EXISTS FOR (t:Trace) ON (t.createdAt);
