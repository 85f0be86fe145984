// Libraries in the knowledge base with their documentation and API counts.
MATCH (l:Library)
CALL (l) { MATCH (d:Doc)-[:IN_LIBRARY]->(l) RETURN count(d) AS docs }
CALL (l) { MATCH (a:Api)-[:IN_LIBRARY]->(l) RETURN count(a) AS apis }
RETURN l.name AS library, l.version AS version, docs, apis
ORDER BY docs DESC;
