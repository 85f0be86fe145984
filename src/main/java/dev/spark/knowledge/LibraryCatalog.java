package dev.spark.knowledge;

import dev.spark.graph.Graph;
import dev.spark.validation.Check;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What the knowledge base holds: libraries with their counts, and APIs with their documentation. */
@Service
public class LibraryCatalog {

    public record LibrarySummary(String name, String version, long docCount, long apiCount) {
    }

    public record ApiDocs(String qualifiedName, String kind, String library, List<String> aliases, List<DocHit> docs) {
    }

    private static final String LIBRARIES = """
            MATCH (l:Library)
            CALL (l) { MATCH (d:Doc)-[:IN_LIBRARY]->(l) RETURN count(d) AS docs }
            CALL (l) { MATCH (a:Api)-[:IN_LIBRARY]->(l) RETURN count(a) AS apis }
            RETURN l.name AS name, l.version AS version, docs, apis
            ORDER BY name""";

    private static final String API = """
            MATCH (a:Api)
            WHERE a.qualifiedName = $name OR $name IN coalesce(a.aliases, [])
            WITH a ORDER BY a.qualifiedName = $name DESC LIMIT 1
            OPTIONAL MATCH (d:Doc)-[:DOCUMENTS]->(a)
            WITH a, d ORDER BY d.id
            RETURN a.qualifiedName AS name, a.kind AS kind, a.library AS library, coalesce(a.aliases, []) AS aliases,
                   collect(d {.id, .docId, .title, .text, .api, .library, .version, .source}) AS docs""";

    private final Graph graph;

    public LibraryCatalog(Graph graph) {
        this.graph = graph;
    }

    public List<LibrarySummary> libraries() {
        return graph.query(LIBRARIES, Map.of()).stream()
                .map(r -> new LibrarySummary(r.get("name").asString(), r.get("version").asString(null),
                        r.get("docs").asLong(), r.get("apis").asLong()))
                .toList();
    }

    /** The API with this qualified name or alias ({@code tensorflow.*} is read as {@code tf.*}). */
    public Optional<ApiDocs> api(String name) {
        String qualified = ApiNames.canonical(Check.text("name", name, DocRecord.MAX_API));
        var records = graph.query(API, Map.of("name", qualified));
        if (records.isEmpty()) {
            return Optional.empty();
        }
        var r = records.get(0);
        List<DocHit> docs = r.get("docs").asList(v -> new DocHit(v.get("id").asString(), v.get("docId").asString(null),
                v.get("title").asString(null), v.get("text").asString(null), v.get("api").asString(null),
                v.get("library").asString(null), v.get("version").asString(null), v.get("source").asString(null),
                1.0, 0, 0));
        return Optional.of(new ApiDocs(r.get("name").asString(), r.get("kind").asString(null),
                r.get("library").asString(null), r.get("aliases").asList(v -> v.asString()), docs));
    }
}
