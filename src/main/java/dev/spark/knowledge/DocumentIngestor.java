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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Loads documentation into the graph as {@code Library}, {@code Api} and {@code Doc} nodes.
 *
 * <p>Idempotent by content hash: a record whose hash is already stored is neither embedded nor written.
 * Each batch is one transaction (a crash loses at most the batch in flight, never half of one). Embedding
 * of the next batch overlaps the write of the previous one, so ingestion runs at the embedding model's pace.
 * A batch whose write fails stops the ingestion: the report names the batch and counts only what committed,
 * and a second run resumes where the first one stopped.
 */
@Service
public class DocumentIngestor {

    /** Largest upload accepted through the GraphQL mutation; bigger corpora go through the CLI. */
    public static final int MAX_UPLOAD = 200;

    private static final Logger log = LoggerFactory.getLogger(DocumentIngestor.class);

    /**
     * Timer of each stage of a batch, tag {@code stage}: {@code hashes} (reading the stored hashes), {@code embed},
     * {@code wait} (the reader waiting for the previous batch's write), {@code write} (the write itself, on the
     * writer thread, side by side with the next batch's embedding); exported at /actuator/prometheus as
     * {@code spark_ingest_stage_seconds}.
     */
    public static final String STAGE_TIMER = "spark.ingest.stage";

    private final KnowledgeRepository repository;
    private final TextEmbedder embedder;
    private final ObservationRegistry observations;
    private final Timer hashesStage;
    private final Timer embedStage;
    private final Timer waitStage;
    private final Timer writeStage;

    DocumentIngestor(KnowledgeRepository repository, TextEmbedder embedder) {
        this(repository, embedder, ObservationRegistry.NOOP, new SimpleMeterRegistry());
    }

    @Autowired
    DocumentIngestor(KnowledgeRepository repository, TextEmbedder embedder, ObservationRegistry observations, MeterRegistry meters) {
        this.repository = repository;
        this.embedder = embedder;
        this.observations = observations;
        this.hashesStage = stage(meters, "hashes");
        this.embedStage = stage(meters, "embed");
        this.waitStage = stage(meters, "wait");
        this.writeStage = stage(meters, "write");
    }

    private static Timer stage(MeterRegistry meters, String stage) {
        return Timer.builder(STAGE_TIMER).tag("stage", stage).description("one stage of a documentation batch").register(meters);
    }

    /**
     * Ingests a JSONL file, a text page, or a directory of them (recursively). Pages read completely from a
     * file without problems replace their stored version: chunks of those pages not read again are removed.
     *
     * @throws InvalidInputException naming {@code path} or the option ({@code maxChunkChars}, ...) that is wrong
     */
    public IngestReport ingest(Path path, IngestOptions options, IngestProgress progress) {
        // timed as spark.ingest (tags: source, error), exported at /actuator/prometheus
        return Observation.createNotStarted("spark.ingest", observations).lowCardinalityKeyValue("source", "files")
                .observe(() -> ingestFiles(path, options, progress));
    }

    private IngestReport ingestFiles(Path path, IngestOptions options, IngestProgress progress) {
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
        try (Batcher batcher = new Batcher(options.batchSize(), path.toString(), progress)) {
            TextDocReader textReader = new TextDocReader(options.maxChunkChars());
            JsonlDocReader jsonReader = new JsonlDocReader();
            try {
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
                batcher.finish();
                // only once every batch has committed: a page is replaced by chunks that are all stored
                batcher.removeStalePages();
            } catch (BatchNotStored stopped) {
                log.warn("Ingestion of {} stopped: {}", path, stopped.getMessage());
            }
            progress.finish();
            IngestReport report = batcher.report(Duration.ofNanos(System.nanoTime() - started));
            log.info("Ingested {}: {}", path, report.summary());
            return report;
        }
    }

    /**
     * Ingests a small upload in one transaction: every record is validated first, and one bad record stops
     * the whole upload with an error naming it ({@code documents[3].text}), so nothing is half-written. When
     * the transaction fails, nothing is stored and the report says so.
     */
    public IngestReport ingest(List<DocRecord> records) {
        return Observation.createNotStarted("spark.ingest", observations).lowCardinalityKeyValue("source", "upload")
                .observe(() -> ingestUpload(records));
    }

    private IngestReport ingestUpload(List<DocRecord> records) {
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
        try (Batcher batcher = new Batcher(MAX_UPLOAD, "documents", IngestProgress.NONE)) {
            try {
                valid.forEach(batcher::add);
                batcher.finish();
            } catch (BatchNotStored stopped) {
                log.warn("Upload of {} documents not stored: {}", valid.size(), stopped.getMessage());
            }
            IngestReport report = batcher.report(Duration.ofNanos(System.nanoTime() - started));
            log.info("Ingested an upload of {} documents: {}", valid.size(), report.summary());
            return report;
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

    /** A batch's write failed: ingestion stops, and the report carries the problem. */
    private static final class BatchNotStored extends RuntimeException {
        BatchNotStored(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A batch handed to the writer, and what it changes once committed. */
    private record Batch(List<ChunkWrite> rows, int records, String firstId, String lastId, long created, long updated) {
    }

    /**
     * Groups records into batches; embeds a batch while the previous one is being written. Every write is joined
     * before the next starts and before the report is made, so no failure goes unreported.
     */
    private final class Batcher implements AutoCloseable {
        /** Cause messages of failed writes are cut to this length: the database may quote a whole vector. */
        private static final int MAX_CAUSE = 300;

        private final int size;
        private final String origin;
        private final IngestProgress progress;
        private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "spark-ingest-writer");
            t.setDaemon(true);
            return t;
        });
        private final Map<String, DocRecord> pending = new LinkedHashMap<>();
        private final Map<String, Set<String>> completePages = new HashMap<>();
        private final List<IngestProblem> problems = new ArrayList<>();
        private Batch inFlight;
        private CompletableFuture<Batch> write;
        private long read;
        private long created;
        private long updated;
        private long unchanged;
        private long removed;
        private long embedded;

        /** @param origin what a failed batch is reported against: the ingested path, or the upload */
        Batcher(int size, String origin, IngestProgress progress) {
            this.size = size;
            this.origin = origin;
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

        /** Embeds the pending records and hands them to the writer once the previous batch has committed. */
        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<DocRecord> batch = new ArrayList<>(pending.values());
            pending.clear();
            Map<String, String> stored = hashesStage.record(() -> repository.storedHashes(batch.stream().map(DocRecord::id).toList()));
            List<DocRecord> changed = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            long newChunks = 0;
            long changedChunks = 0;
            for (DocRecord record : batch) {
                String hash = record.contentHash();
                String old = stored.get(record.id());
                if (hash.equals(old)) {
                    unchanged++;
                } else {
                    changed.add(record);
                    hashes.add(hash);
                    if (old == null) {
                        newChunks++;
                    } else {
                        changedChunks++;
                    }
                }
            }
            List<float[]> vectors = embedStage.record(() -> embedder.embedDocuments(changed.stream().map(DocRecord::embeddingText).toList()));
            embedded += vectors.size();
            List<ChunkWrite> rows = new ArrayList<>(changed.size());
            for (int i = 0; i < changed.size(); i++) {
                rows.add(new ChunkWrite(changed.get(i), hashes.get(i), vectors.get(i)));
            }
            waitStage.record(this::awaitWrite);
            Batch next = new Batch(rows, batch.size(), batch.get(0).id(), batch.get(batch.size() - 1).id(),
                    newChunks, changedChunks);
            inFlight = next;
            write = CompletableFuture.supplyAsync(() -> {
                if (!next.rows().isEmpty()) {
                    writeStage.record(() -> repository.writeChunks(next.rows(), embedder.modelName()));
                }
                progress.advance(next.records());
                return next;
            }, writer);
        }

        /** Writes what is pending and waits until every batch has committed. */
        void finish() {
            flush();
            awaitWrite();
        }

        /** Waits for the batch being written; counts it when it committed, reports it and stops when it failed. */
        private void awaitWrite() {
            if (write == null) {
                return;
            }
            Batch batch = inFlight;
            CompletableFuture<Batch> pendingWrite = write;
            write = null;
            inFlight = null;
            try {
                pendingWrite.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    throw error;
                }
                String message = "batch of " + batch.records() + " records from " + batch.firstId() + " to "
                        + batch.lastId() + " was not stored (ingestion stopped here; running it again resumes): "
                        + abbreviate(String.valueOf(cause.getMessage()));
                problems.add(new IngestProblem(origin, 0, message));
                throw new BatchNotStored(message, cause);
            }
            created += batch.created();
            updated += batch.updated();
        }

        void removeStalePages() {
            removed += repository.removeStaleChunks(completePages);
        }

        IngestReport report(Duration elapsed) {
            return new IngestReport(read, created, updated, unchanged, removed, embedded, problems, elapsed);
        }

        /**
         * Lets a write still in flight when ingestion failed commit (it is a whole batch); if that write fails
         * too, its failure joins the one being thrown.
         */
        @Override
        public void close() {
            writer.shutdown();
            if (write == null) {
                return;
            }
            try {
                write.get(5, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the batch from " + inFlight.firstId() + " to " + inFlight.lastId()
                        + " that was being written was not stored either", e.getCause());
            } catch (TimeoutException e) {
                log.warn("A documentation batch was still being written after 5 minutes");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String abbreviate(String message) {
            return message.length() <= MAX_CAUSE ? message : message.substring(0, MAX_CAUSE) + "...";
        }
    }
}
