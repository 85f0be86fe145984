// Documentation chunks that document no API (prose pages, headings), per library,
// and APIs that agents used but the documentation does not cover.
MATCH (d:Doc) WHERE NOT (d)-[:DOCUMENTS]->()
RETURN 'doc without API' AS kind, d.library AS library, count(d) AS n
UNION ALL
MATCH (a:Api) WHERE NOT (a)<-[:DOCUMENTS]-()
RETURN 'API only seen in traces' AS kind, a.library AS library, count(a) AS n;
