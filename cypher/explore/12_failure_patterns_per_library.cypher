// The five most frequent failure patterns of each library, with how many lessons help avoid each.
MATCH (f:FailurePattern)
WITH f, CASE WHEN f.api IS NULL THEN 'unknown' ELSE split(f.api, '.')[0] END AS library
CALL (f) { OPTIONAL MATCH (les:Lesson)-[:AVOIDS]->(f) WHERE les.status IN ['CANDIDATE', 'ACTIVE'] RETURN count(les) AS lessons }
WITH library, f, lessons ORDER BY f.occurrences DESC
WITH library, collect({pattern: f.signature, occurrences: f.occurrences, lessons: lessons})[..5] AS top, sum(f.occurrences) AS total
RETURN library, total, top
ORDER BY total DESC;
