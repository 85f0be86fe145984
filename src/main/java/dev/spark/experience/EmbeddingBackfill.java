package dev.spark.experience;

import dev.spark.ai.TextEmbedder;
import dev.spark.experience.internal.ExperienceRepository;
import dev.spark.experience.internal.ExperienceRepository.Embeddable;
import dev.spark.experience.internal.ExperienceRepository.PendingText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Embeds tasks and failure patterns after their trace has committed, so that recording a trace costs
 * milliseconds. Pending nodes are found by their missing embedding: a crash loses no work, the next start
 * picks them up. Tasks are embedded as queries (they are compared with other tasks and searched with), failure
 * patterns as passages. Lessons are curation's, but the texts it will embed for a pending trace are mostly known
 * when the trace is recorded ({@link CandidateTexts}): they are embedded here too and kept on the trace until
 * curation claims it, so that a curation run embeds only what it could not know in advance.
 */
@Component
public class EmbeddingBackfill implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingBackfill.class);
    private static final int BATCH = 32;

    private record Kind(Embeddable nodes, boolean query) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(Embeddable.TASK, true),
            new Kind(Embeddable.FAILURE_PATTERN, false));

    private final ExperienceRepository repository;
    private final TextEmbedder embedder;
    private final List<CandidateTexts> candidateTexts;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "spark-embedding-backfill");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong embedded = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();

    /** What the backfill has done since the start, on any thread: texts embedded and the time its passes took. */
    public record Totals(long texts, long busyNanos) {
    }

    /** @param candidateTexts what curation will embed of a pending trace (none without curation) */
    public EmbeddingBackfill(ExperienceRepository repository, TextEmbedder embedder, List<CandidateTexts> candidateTexts) {
        this.repository = repository;
        this.embedder = embedder;
        this.candidateTexts = List.copyOf(candidateTexts);
    }

    /** Embeds whatever is pending, soon, on the backfill thread. */
    public void requestSoon() {
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                try {
                    drain();
                } catch (RuntimeException e) {
                    log.warn("Embedding backfill failed; it is retried on the next trace or start: {}", e.getMessage());
                }
            });
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        requestSoon();
    }

    /** Embeds everything pending now, on the calling thread; returns how many texts were embedded. */
    public synchronized int drain() {
        long started = System.nanoTime();
        try {
            int total = drainNow();
            embedded.addAndGet(total);
            return total;
        } finally {
            busyNanos.addAndGet(System.nanoTime() - started);
        }
    }

    public Totals totals() {
        return new Totals(embedded.get(), busyNanos.get());
    }

    private int drainNow() {
        int total = 0;
        for (Kind kind : KINDS) {
            while (true) {
                int done = embedBatch(kind);
                total += done;
                if (done < BATCH) {
                    break;
                }
            }
        }
        if (!candidateTexts.isEmpty()) {
            while (true) {
                int[] done = embedCandidates();
                total += done[1];
                if (done[0] < BATCH) {
                    break;
                }
            }
        }
        return total;
    }

    /** One batch of pending traces: returns the traces handled and the texts embedded. */
    private int[] embedCandidates() {
        List<PendingTrace> traces = repository.unembedded(BATCH);
        if (traces.isEmpty()) {
            return new int[] {0, 0};
        }
        Map<String, List<String>> textsByTrace = new LinkedHashMap<>();
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (PendingTrace trace : traces) {
            List<String> texts = candidateTexts.stream().flatMap(c -> c.of(trace).stream()).distinct().toList();
            textsByTrace.put(trace.traceId(), texts);
            texts.forEach(t -> vectors.put(t, null));
        }
        // near-duplicate lessons are often reported verbatim: each distinct text is embedded once
        List<String> distinct = new ArrayList<>(vectors.keySet());
        List<float[]> embedded = embedder.embedDocuments(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            vectors.put(distinct.get(i), embedded.get(i));
        }
        List<ExperienceRepository.CandidateRow> rows = textsByTrace.entrySet().stream()
                .map(e -> new ExperienceRepository.CandidateRow(e.getKey(), e.getValue(), e.getValue().stream().map(vectors::get).toList()))
                .toList();
        repository.setCandidateEmbeddings(rows, embedder.modelName());
        return new int[] {traces.size(), distinct.size()};
    }

    private int embedBatch(Kind kind) {
        List<PendingText> pending = repository.pendingEmbeddings(kind.nodes(), BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        List<String> texts = pending.stream().map(PendingText::text).toList();
        List<float[]> vectors = kind.query() ? texts.stream().map(embedder::embedQuery).toList() : embedder.embedDocuments(texts);
        repository.setEmbeddings(pending, vectors);
        return pending.size();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
