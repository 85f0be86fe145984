// Curation: one lease node per name, so that concurrent runs MERGE the same node and queue on its lock.
CREATE CONSTRAINT curation_lease_name IF NOT EXISTS FOR (l:CurationLease) REQUIRE l.name IS UNIQUE;
CREATE INDEX lesson_kind IF NOT EXISTS FOR (l:Lesson) ON (l.kind);
CREATE INDEX curation_run_started_at IF NOT EXISTS FOR (r:CurationRun) ON (r.startedAt);
