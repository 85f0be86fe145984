package dev.spark.knowledge;

import dev.spark.ai.TextEmbedder;
import dev.spark.graph.FullText;
import dev.spark.knowledge.internal.KnowledgeRepository;
import dev.spark.knowledge.internal.StoredChunk;
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

    private final KnowledgeRepository repository;
    private final TextEmbedder embedder;
    private final SearchProperties props;
    private final ExecutorService fulltextPool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "spark-fulltext");
        t.setDaemon(true);
        return t;
    });

    DocSearch(KnowledgeRepository repository, TextEmbedder embedder, SearchProperties props) {
        this.repository = repository;
        this.embedder = embedder;
        this.props = props;
    }

    /** Validates the arguments (named as in the GraphQL API) and searches. */
    public List<DocHit> search(String query, String library, int k, SearchMode mode) {
        String text = Check.text("query", query, MAX_QUERY);
        Check.range("k", k, 1, MAX_K);
        String lib = library == null || library.isBlank() ? null : Check.text("library", library, DocRecord.MAX_LIBRARY).toLowerCase();
        float[] vector = mode == SearchMode.FULLTEXT ? null : embedder.embedQuery(text);
        return search(text, vector, lib, k, mode);
    }

    /** Searches with a query vector computed by the caller (null for full-text only). */
    public List<DocHit> search(String text, float[] vector, String library, int k, SearchMode mode) {
        int fetch = Math.max(k, props.candidates());
        // the two index queries run side by side: each is a Bolt round trip and a few milliseconds of work
        boolean lexical = mode == SearchMode.FULLTEXT || mode == SearchMode.HYBRID && props.fuseFulltext(text);
        CompletableFuture<List<StoredChunk>> textFuture = !lexical
                ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> fulltext(text, library, fetch, repository::fulltextChunks), fulltextPool);
        List<StoredChunk> vectorRows = mode == SearchMode.FULLTEXT ? List.of()
                : vector(vector, library, fetch, repository::vectorChunks);
        List<StoredChunk> textRows = textFuture.join();
        Map<String, StoredChunk> rows = new HashMap<>();
        vectorRows.forEach(r -> rows.put(r.id(), r));
        textRows.forEach(r -> rows.putIfAbsent(r.id(), r));
        List<String> vectorIds = vectorRows.stream().map(StoredChunk::id).toList();
        List<String> textIds = textRows.stream().map(StoredChunk::id).toList();
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
            hits.add(rows.get(entry.getKey()).hit(s[0], (int) s[1], (int) s[2]));
        }
        return hits;
    }

    /** The chunks with these ids (score and ranks zero), keyed by id; unknown ids are left out. */
    public Map<String, DocHit> documents(List<String> ids) {
        Map<String, DocHit> docs = new HashMap<>();
        for (StoredChunk chunk : repository.chunks(ids)) {
            docs.put(chunk.id(), chunk.hit(0, 0, 0));
        }
        return docs;
    }

    /** Ids of the nearest chunks by embedding, best first. */
    public List<String> vectorIds(float[] vector, String library, int k) {
        return vector(vector, library, k, repository::vectorIds);
    }

    /** Over-fetches for a library filter, widening until there are k hits or the whole index was seen. */
    private <T> List<T> vector(float[] vector, String library, int k, IndexQuery<float[], T> query) {
        int fetch = library == null ? k : k * 8;
        long total = -1;
        while (true) {
            List<T> found = query.run(vector, library, fetch, k);
            if (found.size() >= k || library == null) {
                return found;
            }
            if (total < 0) {
                total = repository.chunkCount();
            }
            if (fetch >= total) {
                return found;
            }
            fetch = (int) Math.min(total, (long) fetch * 4);
        }
    }

    /** Ids of the best chunks by BM25, best first. */
    public List<String> fulltextIds(String text, String library, int k) {
        return fulltext(text, library, k, repository::fulltextIds);
    }

    private <T> List<T> fulltext(String text, String library, int k, IndexQuery<String, T> query) {
        Optional<String> lucene = FullText.query(text);
        if (lucene.isEmpty()) {
            return List.of();
        }
        int fetch = library == null ? k : k * 8;
        return query.run(lucene.get(), library, fetch, k);
    }

    /** One of the repository's index queries: {@code fetch} candidates from the index, the best {@code k} kept. */
    @FunctionalInterface
    private interface IndexQuery<Q, T> {
        List<T> run(Q query, String library, int fetch, int k);
    }

    @Override
    public void close() {
        fulltextPool.shutdownNow();
    }
}
