package dev.spark.knowledge;

import dev.spark.ai.TextEmbedder;
import dev.spark.graph.FullText;
import dev.spark.graph.Graph;
import dev.spark.validation.Check;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;

/**
 * Documentation search over the vector and full-text indexes of {@code Doc} chunks.
 *
 * <p>Neo4j 5 filters vector results only after the k-NN fetch, so a search restricted to one library
 * over-fetches, and widens the fetch until it has k hits or has seen the whole index.
 */
@Service
public class DocSearch implements AutoCloseable {

    public static final int MAX_QUERY = 20_000;
    public static final int MAX_K = 100;

    private static final String VECTOR = """
            CALL db.index.vector.queryNodes('doc_embedding', $fetch, $vector) YIELD node, score
            WHERE $library IS NULL OR node.library = $library
            RETURN %s
            LIMIT $k""";

    private static final String FULLTEXT = """
            CALL db.index.fulltext.queryNodes('doc_fulltext', $query, {limit: $fetch}) YIELD node, score
            WHERE $library IS NULL OR node.library = $library
            RETURN %s
            LIMIT $k""";

    /** Candidates carry their properties, so a search needs no second round trip to show them. */
    private static final String WITH_PROPERTIES = "node.id AS id, node.docId AS docId, node.title AS title, node.text AS text, "
            + "node.api AS api, node.library AS library, node.version AS version, node.source AS source, score";
    private static final String ID_ONLY = "node.id AS id, score";

    private static final String HYDRATE = """
            UNWIND $ids AS id
            MATCH (d:Doc {id: id})
            RETURN d.id AS id, d.docId AS docId, d.title AS title, d.text AS text, d.api AS api,
                   d.library AS library, d.version AS version, d.source AS source""";

    private static final String COUNT = "MATCH (d:Doc) RETURN count(d) AS n";

    private final Graph graph;
    private final TextEmbedder embedder;
    private final SearchProperties props;
    private final ExecutorService fulltextPool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "spark-fulltext");
        t.setDaemon(true);
        return t;
    });

    public DocSearch(Graph graph, TextEmbedder embedder, SearchProperties props) {
        this.graph = graph;
        this.embedder = embedder;
        this.props = props;
    }

    /** Validates the arguments (named as in the GraphQL API) and searches. */
    public List<DocHit> search(String query, String library, int k, SearchMode mode) {
        String text = Check.text("query", query, MAX_QUERY);
        Check.range("k", k, 1, MAX_K);
        String lib = library == null || library.isBlank() ? null : Check.text("library", library, 64).toLowerCase();
        float[] vector = mode == SearchMode.FULLTEXT ? null : embedder.embedQuery(text);
        return search(text, vector, lib, k, mode);
    }

    /** Searches with a query vector computed by the caller (null for full-text only). */
    public List<DocHit> search(String text, float[] vector, String library, int k, SearchMode mode) {
        int fetch = Math.max(k, props.candidates());
        // the two index queries run side by side: each is a Bolt round trip and a few milliseconds of work
        boolean lexical = mode == SearchMode.FULLTEXT || mode == SearchMode.HYBRID && props.fuseFulltext(text);
        CompletableFuture<List<Record>> textFuture = !lexical
                ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> fulltext(text, library, fetch, WITH_PROPERTIES), fulltextPool);
        List<Record> vectorRows = mode == SearchMode.FULLTEXT ? List.of() : vector(vector, library, fetch, WITH_PROPERTIES);
        List<Record> textRows = textFuture.join();
        Map<String, Record> rows = new HashMap<>();
        vectorRows.forEach(r -> rows.put(r.get("id").asString(), r));
        textRows.forEach(r -> rows.putIfAbsent(r.get("id").asString(), r));
        List<String> vectorIds = ids(vectorRows);
        List<String> textIds = ids(textRows);
        Map<String, double[]> fused = new LinkedHashMap<>();
        // [score, vectorRank, fulltextRank]
        for (int i = 0; i < vectorIds.size(); i++) {
            fused.computeIfAbsent(vectorIds.get(i), id -> new double[3])[0] += props.vectorWeight() / (props.rrfK() + i + 1);
            fused.get(vectorIds.get(i))[1] = i + 1;
        }
        for (int i = 0; i < textIds.size(); i++) {
            double weight = mode == SearchMode.FULLTEXT ? 1.0 : props.fulltextWeight();
            fused.computeIfAbsent(textIds.get(i), id -> new double[3])[0] += weight / (props.rrfK() + i + 1);
            fused.get(textIds.get(i))[2] = i + 1;
        }
        List<Map.Entry<String, double[]>> ranked = new ArrayList<>(fused.entrySet());
        ranked.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0]));
        List<Map.Entry<String, double[]>> top = ranked.subList(0, Math.min(k, ranked.size()));
        List<DocHit> hits = new ArrayList<>(top.size());
        for (Map.Entry<String, double[]> entry : top) {
            double[] s = entry.getValue();
            hits.add(hit(rows.get(entry.getKey()), s[0], (int) s[1], (int) s[2]));
        }
        return hits;
    }

    /** The chunks with these ids (score and ranks zero), keyed by id; unknown ids are left out. */
    public Map<String, DocHit> documents(List<String> ids) {
        Map<String, DocHit> docs = new HashMap<>();
        for (Record r : graph.query(HYDRATE, Map.of("ids", ids))) {
            docs.put(r.get("id").asString(), hit(r, 0, 0, 0));
        }
        return docs;
    }

    private static DocHit hit(Record r, double score, int vectorRank, int fulltextRank) {
        return new DocHit(r.get("id").asString(), r.get("docId").asString(null), r.get("title").asString(null),
                r.get("text").asString(null), r.get("api").asString(null), r.get("library").asString(null),
                r.get("version").asString(null), r.get("source").asString(null), score, vectorRank, fulltextRank);
    }

    private static List<String> ids(List<Record> rows) {
        return rows.stream().map(r -> r.get("id").asString()).toList();
    }

    /** Ids of the nearest chunks by embedding, best first. */
    public List<String> vectorIds(float[] vector, String library, int k) {
        return ids(vector(vector, library, k, ID_ONLY));
    }

    private List<Record> vector(float[] vector, String library, int k, String returns) {
        int fetch = library == null ? k : k * 8;
        long total = -1;
        String cypher = VECTOR.formatted(returns);
        while (true) {
            List<Record> ids = graph.query(cypher, params("vector", vector, library, fetch, k));
            if (ids.size() >= k || library == null) {
                return ids;
            }
            if (total < 0) {
                total = graph.query(COUNT, Map.of()).get(0).get("n").asLong();
            }
            if (fetch >= total) {
                return ids;
            }
            fetch = (int) Math.min(total, (long) fetch * 4);
        }
    }

    /** Ids of the best chunks by BM25, best first. */
    public List<String> fulltextIds(String text, String library, int k) {
        return ids(fulltext(text, library, k, ID_ONLY));
    }

    private List<Record> fulltext(String text, String library, int k, String returns) {
        Optional<String> query = FullText.query(text);
        if (query.isEmpty()) {
            return List.of();
        }
        int fetch = library == null ? k : k * 8;
        return graph.query(FULLTEXT.formatted(returns), params("query", query.get(), library, fetch, k));
    }

    private static Map<String, Object> params(String name, Object value, String library, int fetch, int k) {
        Map<String, Object> params = new HashMap<>();
        params.put(name, value);
        params.put("library", library);
        params.put("fetch", fetch);
        params.put("k", k);
        return params;
    }

    @Override
    public void close() {
        fulltextPool.shutdownNow();
    }
}
