// Embeddings of 384 dimensions (bge-small-en-v1.5 or all-MiniLM-L6-v2), compared by cosine similarity.
CREATE VECTOR INDEX doc_embedding IF NOT EXISTS FOR (d:Doc) ON (d.embedding)
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
CREATE VECTOR INDEX task_embedding IF NOT EXISTS FOR (t:Task) ON (t.embedding)
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
CREATE VECTOR INDEX lesson_embedding IF NOT EXISTS FOR (l:Lesson) ON (l.embedding)
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
CREATE VECTOR INDEX failure_pattern_embedding IF NOT EXISTS FOR (f:FailurePattern) ON (f.embedding)
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
