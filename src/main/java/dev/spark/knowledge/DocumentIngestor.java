package dev.spark.knowledge;

import dev.spark.ai.TextEmbedder;
import dev.spark.graph.Graph;
import dev.spark.validation.Check;
import dev.spark.validation.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads documentation into the graph as {@code Library}, {@code Api} and {@code Doc} nodes.
 *
 * <p>Idempotent by content hash: a record whose hash is already stored is neither embedded nor written.
 * Each batch is one transaction (a crash loses at most the batch in flight, never half of one). Embedding
 * of the next batch overlaps the write of the previous one, so ingestion runs at the embedding model's pace.
 */
@Service
public class DocumentIngestor {

    /** Largest upload accepted through the GraphQL mutation; bigger corpora go through the CLI. */
    public static final int MAX_UPLOAD = 200;

    private static final Logger log = LoggerFactory.getLogger(DocumentIngestor.class);

    private static final String EXISTING = """
            UNWIND $ids AS id
            MATCH (d:Doc {id: id})
            RETURN d.id AS id, d.hash AS hash""";

    private static final String WRITE = """
            UNWIND $rows AS row
            MERGE (l:Library {name: row.library})
            SET l.version = coalesce(row.version, l.version)
            MERGE (d:Doc {id: row.id})
            SET d.docId = row.docId, d.library = row.library, d.api = row.api, d.title = row.title,
                d.text = row.text, d.source = row.source, d.version = row.version, d.hash = row.hash,
                d.embeddingModel = $model, d.updatedAt = datetime()
            MERGE (d)-[:IN_LIBRARY]->(l)
            WITH d, l, row
            CALL db.create.setNodeVectorProperty(d, 'embedding', row.embedding)
            WITH d, l, row
            CALL (d, row) {
              MATCH (d)-[old:DOCUMENTS]->(a:Api)
              WHERE row.apiName IS NULL OR a.qualifiedName <> row.apiName
              DELETE old
            }
            CALL (d, l, row) {
              WITH d, l, row WHERE row.apiName IS NOT NULL
              MERGE (a:Api {qualifiedName: row.apiName})
              ON CREATE SET a.kind = row.apiKind, a.library = row.library, a.name = row.apiShortName
              SET a.aliases = reduce(acc = coalesce(a.aliases, []), x IN row.aliases |
                    CASE WHEN x IN acc THEN acc ELSE acc + x END)
              MERGE (a)-[:IN_LIBRARY]->(l)
              MERGE (d)-[:DOCUMENTS]->(a)
            }""";

    private static final String REMOVE_STALE = """
            UNWIND $pages AS page
            MATCH (d:Doc {docId: page.docId})
            WHERE NOT d.id IN page.ids
            DETACH DELETE d
            RETURN count(*) AS removed""";

    private final Graph graph;
    private final TextEmbedder embedder;

    public DocumentIngestor(Graph graph, TextEmbedder embedder) {
        this.graph = graph;
        this.embedder = embedder;
    }

    /**
     * Ingests a JSONL file, a text page, or a directory of them (recursively). Pages read completely from a
     * file without problems replace their stored version: chunks of those pages not read again are removed.
     */
    public IngestReport ingest(Path path, IngestOptions options, IngestProgress progress) {
        long started = System.nanoTime();
        if (!Files.exists(path)) {
            throw new InvalidInputException("path", "does not exist: " + path);
        }
        List<Path> files = files(path);
        if (files.isEmpty()) {
            throw new InvalidInputException("path", "holds no .jsonl, .jsonl.gz, .md, .rst or .txt files: " + path);
        }
        Path root = Files.isDirectory(path) ? path : path.getParent();
        String library = options.library() != null ? options.library()
                : root.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "");
        progress.start(estimate(files));
        try (Batcher batcher = new Batcher(options.batchSize(), progress)) {
            TextDocReader textReader = new TextDocReader(options.maxChunkChars());
            JsonlDocReader jsonReader = new JsonlDocReader();
            for (Path file : files) {
                FileSink sink = new FileSink(batcher);
                try {
                    if (JsonlDocReader.accepts(file)) {
                        jsonReader.read(file, sink);
                    } else {
                        textReader.read(root, file, library, options.version(), sink);
                    }
                } catch (IOException e) {
                    sink.problem(new IngestProblem(file.toString(), 0, "cannot be read: " + e.getMessage()));
                }
                batcher.filesDone(sink);
            }
            batcher.flush();
            batcher.removeStalePages();
            progress.finish();
            IngestReport report = batcher.report(Duration.ofNanos(System.nanoTime() - started));
            log.info("Ingested {}: {}", path, report.summary());
            return report;
        }
    }

    /**
     * Ingests a small upload in one transaction: every record is validated first, and one bad record stops
     * the whole upload with an error naming it ({@code documents[3].text}), so nothing is half-written.
     */
    public IngestReport ingest(List<DocRecord> records) {
        long started = System.nanoTime();
        Check.size("documents", records, 1, MAX_UPLOAD);
        List<DocRecord> valid = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                valid.add(records.get(i).validated());
            } catch (InvalidInputException e) {
                InvalidInputException named = e.field().equals("doc_id") ? new InvalidInputException("docId", e.problem()) : e;
                throw named.under("documents[" + i + "].");
            }
        }
        try (Batcher batcher = new Batcher(MAX_UPLOAD, IngestProgress.NONE)) {
            valid.forEach(batcher::add);
            batcher.flush();
            return batcher.report(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return JsonlDocReader.accepts(path) || TextDocReader.accepts(path) ? List.of(path) : List.of();
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> JsonlDocReader.accepts(f) || TextDocReader.accepts(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long estimate(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += JsonlDocReader.accepts(file) ? Utf8Lines.count(file) : Math.max(1, Files.size(file) / 1_500);
            } catch (IOException e) {
                // unreadable files are reported when they are read
            }
        }
        return total;
    }

    /** Collects one file's records and remembers which pages it read completely. */
    private static final class FileSink implements DocSink {
        private final Batcher batcher;
        private final Map<String, Set<String>> pages = new HashMap<>();
        private boolean problems;

        FileSink(Batcher batcher) {
            this.batcher = batcher;
        }

        @Override
        public void record(DocRecord record) {
            pages.computeIfAbsent(record.docId(), k -> new HashSet<>()).add(record.id());
            batcher.add(record);
        }

        @Override
        public void problem(IngestProblem problem) {
            problems = true;
            batcher.problem(problem);
        }
    }

    /** Groups records into batches; embeds a batch while the previous one is being written. */
    private final class Batcher implements AutoCloseable {
        private final int size;
        private final IngestProgress progress;
        private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "spark-ingest-writer");
            t.setDaemon(true);
            return t;
        });
        private final Map<String, DocRecord> pending = new LinkedHashMap<>();
        private final Map<String, Set<String>> completePages = new HashMap<>();
        private final List<IngestProblem> problems = new ArrayList<>();
        private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);
        private long read;
        private long created;
        private long updated;
        private long unchanged;
        private long removed;
        private long embedded;

        Batcher(int size, IngestProgress progress) {
            this.size = size;
            this.progress = progress;
        }

        void add(DocRecord record) {
            read++;
            pending.put(record.id(), record);
            if (pending.size() >= size) {
                flush();
            }
        }

        void problem(IngestProblem problem) {
            read++;
            problems.add(problem);
            progress.advance(1);
        }

        void filesDone(FileSink sink) {
            if (!sink.problems) {
                sink.pages.forEach((docId, ids) -> completePages.computeIfAbsent(docId, k -> new HashSet<>()).addAll(ids));
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                awaitWrite();
                return;
            }
            List<DocRecord> batch = new ArrayList<>(pending.values());
            pending.clear();
            Map<String, String> stored = existingHashes(batch);
            List<DocRecord> changed = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            for (DocRecord record : batch) {
                String hash = record.contentHash();
                String old = stored.get(record.id());
                if (hash.equals(old)) {
                    unchanged++;
                } else {
                    changed.add(record);
                    hashes.add(hash);
                    if (old == null) {
                        created++;
                    } else {
                        updated++;
                    }
                }
            }
            List<float[]> vectors = embedder.embedDocuments(changed.stream().map(DocRecord::embeddingText).toList());
            embedded += vectors.size();
            List<Map<String, Object>> rows = new ArrayList<>(changed.size());
            for (int i = 0; i < changed.size(); i++) {
                rows.add(row(changed.get(i), hashes.get(i), vectors.get(i)));
            }
            awaitWrite();
            int count = batch.size();
            lastWrite = CompletableFuture.runAsync(() -> {
                if (!rows.isEmpty()) {
                    graph.write(tx -> tx.run(WRITE, Map.of("rows", rows, "model", embedder.modelName())).consume());
                }
                progress.advance(count);
            }, writer);
        }

        private Map<String, String> existingHashes(List<DocRecord> batch) {
            List<String> ids = batch.stream().map(DocRecord::id).toList();
            Map<String, String> stored = new HashMap<>();
            graph.query(EXISTING, Map.of("ids", ids))
                    .forEach(r -> stored.put(r.get("id").asString(), r.get("hash").asString(null)));
            return stored;
        }

        private void awaitWrite() {
            try {
                lastWrite.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }

        void removeStalePages() {
            List<Map<String, Object>> pages = new ArrayList<>();
            completePages.forEach((docId, ids) -> pages.add(Map.of("docId", docId, "ids", List.copyOf(ids))));
            for (int from = 0; from < pages.size(); from += 1_000) {
                List<Map<String, Object>> chunk = pages.subList(from, Math.min(pages.size(), from + 1_000));
                removed += graph.write(tx -> removeStale(tx, chunk));
            }
        }

        private long removeStale(TransactionContext tx, List<Map<String, Object>> pages) {
            return tx.run(REMOVE_STALE, Map.of("pages", pages)).single().get("removed").asLong();
        }

        IngestReport report(Duration elapsed) {
            return new IngestReport(read, created, updated, unchanged, removed, embedded, problems, elapsed);
        }

        /** Lets a write already in flight commit (it is a whole batch), even when ingestion failed. */
        @Override
        public void close() {
            writer.shutdown();
            try {
                if (!writer.awaitTermination(5, TimeUnit.MINUTES)) {
                    log.warn("A documentation batch was still being written after 5 minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, Object> row(DocRecord record, String hash, float[] vector) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", record.id());
        row.put("library", record.library());
        row.put("api", record.api());
        row.put("title", record.title());
        row.put("text", record.text());
        row.put("source", record.source());
        row.put("version", record.version());
        row.put("docId", record.docId());
        row.put("hash", hash);
        row.put("aliases", record.aliases());
        row.put("embedding", toList(vector));
        String apiName = record.documentsApi() ? record.api() : null;
        row.put("apiName", apiName);
        row.put("apiKind", apiName == null ? null : ApiNames.kind(apiName));
        row.put("apiShortName", apiName == null ? null : apiName.substring(apiName.lastIndexOf('.') + 1));
        return row;
    }

    private static List<Float> toList(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float v : vector) {
            list.add(v);
        }
        return list;
    }
}
