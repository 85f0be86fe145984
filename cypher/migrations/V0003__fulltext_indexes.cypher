// Lucene (BM25) full-text indexes for lexical retrieval.
CREATE FULLTEXT INDEX doc_fulltext IF NOT EXISTS FOR (d:Doc) ON EACH [d.title, d.text, d.api];
CREATE FULLTEXT INDEX lesson_fulltext IF NOT EXISTS FOR (l:Lesson) ON EACH [l.text];
CREATE FULLTEXT INDEX task_fulltext IF NOT EXISTS FOR (t:Task) ON EACH [t.text];
CREATE FULLTEXT INDEX api_fulltext IF NOT EXISTS FOR (a:Api) ON EACH [a.qualifiedName, a.aliases];
