package dev.spark.knowledge;

import dev.spark.ai.TextEmbedder;
import dev.spark.knowledge.ingest.DocSink;
import dev.spark.knowledge.ingest.JsonlDocReader;
import dev.spark.knowledge.ingest.TextDocReader;
import dev.spark.knowledge.internal.ChunkWrite;
import dev.spark.knowledge.internal.KnowledgeRepository;
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

    private final KnowledgeRepository repository;
    private final TextEmbedder embedder;

    DocumentIngestor(KnowledgeRepository repository, TextEmbedder embedder) {
        this.repository = repository;
        this.embedder = embedder;
    }

    /**
     * Ingests a JSONL file, a text page, or a directory of them (recursively). Pages read completely from a
     * file without problems replace their stored version: chunks of those pages not read again are removed.
     *
     * @throws InvalidInputException naming {@code path} or the option ({@code maxChunkChars}, ...) that is wrong
     */
    public IngestReport ingest(Path path, IngestOptions options, IngestProgress progress) {
        long started = System.nanoTime();
        options.validated();
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
            Map<String, String> stored = repository.storedHashes(batch.stream().map(DocRecord::id).toList());
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
            List<ChunkWrite> rows = new ArrayList<>(changed.size());
            for (int i = 0; i < changed.size(); i++) {
                rows.add(new ChunkWrite(changed.get(i), hashes.get(i), vectors.get(i)));
            }
            awaitWrite();
            int count = batch.size();
            lastWrite = CompletableFuture.runAsync(() -> {
                if (!rows.isEmpty()) {
                    repository.writeChunks(rows, embedder.modelName());
                }
                progress.advance(count);
            }, writer);
        }

        private void awaitWrite() {
            try {
                lastWrite.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }

        void removeStalePages() {
            removed += repository.removeStaleChunks(completePages);
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
}
