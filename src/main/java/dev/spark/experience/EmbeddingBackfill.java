package dev.spark.experience;

import dev.spark.ai.TextEmbedder;
import dev.spark.experience.internal.ExperienceRepository;
import dev.spark.experience.internal.ExperienceRepository.Embeddable;
import dev.spark.experience.internal.ExperienceRepository.PendingText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Embeds tasks and failure patterns after their trace has committed, so that recording a trace costs
 * milliseconds. Pending nodes are found by their missing embedding: a crash loses no work, the next start
 * picks them up. Tasks are embedded as queries (they are compared with other tasks and searched with), failure
 * patterns as passages. Lessons are curation's, but the texts it will embed for a pending trace are mostly known
 * when the trace is recorded ({@link CandidateTexts}): they are embedded here too and kept on the trace until
 * curation claims it, so that a curation run embeds only what it could not know in advance. Those texts are embedded
 * in the background only once recording has paused for {@code spark.experience.candidate-quiet} (default one
 * second): on a machine of few cores their embedding would otherwise take CPU from the traces being recorded. Under
 * steady traffic they wait for a pause, or for the run, which embeds whatever is still missing.
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
    private final long quietNanos;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "spark-embedding-backfill");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean candidatesScheduled = new AtomicBoolean();
    private volatile long lastRequest = System.nanoTime();
    private final AtomicLong embedded = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();

    /** What the backfill has done since the start, on any thread: texts embedded and the time its passes took. */
    public record Totals(long texts, long busyNanos) {
    }

    /**
     * @param candidateTexts what curation will embed of a pending trace (none without curation)
     * @param candidateQuiet how long recording must have paused before candidate texts are embedded in the background
     */
    public EmbeddingBackfill(ExperienceRepository repository, TextEmbedder embedder, List<CandidateTexts> candidateTexts,
                             @Value("${spark.experience.candidate-quiet:PT1S}") Duration candidateQuiet) {
        if (candidateQuiet == null || candidateQuiet.isNegative()) {
            throw new IllegalArgumentException("spark.experience.candidate-quiet must be zero or more, was " + candidateQuiet);
        }
        this.repository = repository;
        this.embedder = embedder;
        this.candidateTexts = List.copyOf(candidateTexts);
        this.quietNanos = candidateQuiet.toNanos();
    }

    /**
     * Embeds the pending tasks and failure patterns soon, on the backfill thread; the pending candidate texts once
     * recording has been quiet for a while.
     */
    public void requestSoon() {
        lastRequest = System.nanoTime();
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                background(this::drainRecorded);
                candidatesWhenQuiet();
            });
        }
    }

    /** Schedules a background pass over candidate texts for when recording has been quiet long enough. */
    private void candidatesWhenQuiet() {
        if (candidateTexts.isEmpty() || !candidatesScheduled.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(0, lastRequest + quietNanos - System.nanoTime());
        worker.schedule(() -> {
            candidatesScheduled.set(false);
            if (!quiet()) {
                candidatesWhenQuiet(); // a trace arrived meanwhile: wait for the next pause
                return;
            }
            // a trace recorded during the pass stops it; that trace's request schedules the next pass
            background(() -> drainCandidates(this::quiet));
        }, wait, TimeUnit.NANOSECONDS);
    }

    private boolean quiet() {
        return System.nanoTime() - lastRequest >= quietNanos;
    }

    /** One background pass; a failure is logged and retried on the next request. */
    private void background(IntSupplier pass) {
        try {
            counted(pass);
        } catch (RuntimeException e) {
            log.warn("Embedding backfill failed; it is retried on the next trace or start: {}", e.getMessage());
        }
    }

    /** Runs a pass, one at a time, counting its texts and time in {@link #totals()}. */
    private synchronized int counted(IntSupplier pass) {
        long started = System.nanoTime();
        try {
            int texts = pass.getAsInt();
            embedded.addAndGet(texts);
            return texts;
        } finally {
            busyNanos.addAndGet(System.nanoTime() - started);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        requestSoon();
    }

    /**
     * Embeds everything pending now (candidate texts included, quiet or not), on the calling thread; returns how many
     * texts were embedded.
     */
    public int drain() {
        return counted(() -> drainRecorded() + drainCandidates(() -> true));
    }

    public Totals totals() {
        return new Totals(embedded.get(), busyNanos.get());
    }

    /** Candidate texts, a batch of pending traces at a time, while {@code go} holds. */
    private int drainCandidates(BooleanSupplier go) {
        int total = 0;
        while (!candidateTexts.isEmpty() && go.getAsBoolean()) {
            int[] done = embedCandidates();
            total += done[1];
            if (done[0] < BATCH) {
                break;
            }
        }
        return total;
    }

    /** Tasks and failure patterns: what recommend and fix pairing need soon after a trace is recorded. */
    private int drainRecorded() {
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
