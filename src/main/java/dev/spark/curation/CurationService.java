package dev.spark.curation;

import dev.spark.ai.TextEmbedder;
import dev.spark.curation.internal.AdviceJudge;
import dev.spark.curation.internal.CandidateExtractor;
import dev.spark.curation.internal.CommonsPromotion;
import dev.spark.curation.internal.CurationRepository;
import dev.spark.curation.internal.Decision;
import dev.spark.curation.internal.Generalisation;
import dev.spark.curation.internal.LessonCandidate;
import dev.spark.curation.internal.LessonScreen;
import dev.spark.curation.internal.TraceCurator;
import dev.spark.curation.internal.TraceHook;
import dev.spark.experience.EmbeddingBackfill;
import dev.spark.experience.Outcome;
import dev.spark.experience.PendingTrace;
import dev.spark.experience.TraceFeed;
import dev.spark.graph.Graph;
import dev.spark.validation.InvalidInputException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.stereotype.Service;

/**
 * Runs the learning loop over the traces not curated yet. One run at a time across every instance sharing the
 * database (a lease node taken with a conditional write, renewed between batches, released at the end, taken over
 * once a crashed holder's lease expires). Each trace is curated in its own transaction, after its lessons were
 * screened and embedded outside it: a run that dies leaves every trace either fully curated or untouched, and the
 * next run goes on from there.
 */
@Service
public class CurationService {

    private static final Logger log = LoggerFactory.getLogger(CurationService.class);
    private static final String LEASE = "curation";
    private static final Pattern TRIGGER = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private final Graph graph;
    private final TraceFeed feed;
    private final EmbeddingBackfill backfill;
    private final TextEmbedder embedder;
    private final CurationRepository repo;
    private final CurationProperties props;
    private final CandidateExtractor extractor;
    private final Generalisation generalisation;
    private final TraceCurator curator;
    private final CommonsPromotion promotion;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final ObservationRegistry observations;

    public CurationService(Graph graph, TraceFeed feed, EmbeddingBackfill backfill, TextEmbedder embedder, CurationRepository repo,
                           CurationProperties props, Generalisation generalisation, AdviceJudge judge,
                           ObservationRegistry observations, CommonsProperties commons) {
        this.graph = graph;
        this.observations = observations;
        this.feed = feed;
        this.backfill = backfill;
        this.embedder = embedder;
        this.repo = repo;
        this.props = props;
        this.extractor = new CandidateExtractor(props.examples());
        this.generalisation = generalisation;
        this.curator = new TraceCurator(repo, feed, props, judge);
        this.promotion = new CommonsPromotion(graph, repo, props, commons);
    }

    /**
     * Curates every pending trace (up to {@code spark.curation.max-traces-per-run}).
     *
     * @param trigger what started the run: {@code manual}, {@code schedule}, {@code api}, {@code cli} ...
     * @throws CurationAlreadyRunningException when another run holds the lease
     */
    public CurationReport curate(String trigger) {
        return run(trigger, TraceHook.NONE);
    }

    /**
     * Takes the curation lease for other work than a run, so that no run starts (on any instance) until the returned
     * pause is closed.
     *
     * @param purpose a lower-case word naming the work in the lease's holder, e.g. {@code forget}
     * @throws CurationAlreadyRunningException when a run (or another pause) holds the lease
     */
    public CurationPause pause(String purpose) {
        if (purpose == null || !TRIGGER.matcher(purpose).matches()) {
            throw new IllegalArgumentException("purpose must be a lower-case word of at most 32 characters");
        }
        String holder = instance + "/" + purpose + "/" + UUID.randomUUID();
        long ttl = props.leaseTtl().toSeconds();
        CurationRepository.LeaseState lease = repo.takeLease(LEASE, holder, ttl);
        if (!lease.taken()) {
            throw new CurationAlreadyRunningException(lease.holder(), lease.expiresAt());
        }
        return new CurationPause(repo, LEASE, holder, ttl);
    }

    CurationReport run(String trigger, TraceHook hook) {
        // timed as spark.curation.run (tags: trigger, error), exported at /actuator/prometheus
        return Observation.createNotStarted("spark.curation.run", observations)
                .lowCardinalityKeyValue("trigger", trigger != null && TRIGGER.matcher(trigger).matches() ? trigger : "invalid")
                .observe(() -> runNow(trigger, hook));
    }

    private CurationReport runNow(String trigger, TraceHook hook) {
        if (trigger == null || !TRIGGER.matcher(trigger).matches()) {
            throw new InvalidInputException("trigger", "must be a lower-case word of at most 32 characters");
        }
        String holder = instance + "/" + UUID.randomUUID();
        long ttl = props.leaseTtl().toSeconds();
        CurationRepository.LeaseState lease = repo.takeLease(LEASE, holder, ttl);
        if (!lease.taken()) {
            throw new CurationAlreadyRunningException(lease.holder(), lease.expiresAt());
        }
        long started = System.nanoTime();
        String runId = "run-" + UUID.randomUUID();
        Tally tally = new Tally();
        try {
            repo.startRun(runId, trigger, holder);
            // tasks recorded moments ago must be in the task index before failures are paired with successes
            backfill.drain();
            while (tally.traces < props.maxTracesPerRun()) {
                List<PendingTrace> batch = feed.pending(Math.min(props.batchSize(), props.maxTracesPerRun() - tally.traces));
                if (batch.isEmpty()) {
                    break;
                }
                List<List<TraceCurator.Prepared>> prepared = curator.withNeighbours(batch, prepare(batch));
                TraceCurator.Batch state = new TraceCurator.Batch();
                for (int i = 0; i < batch.size(); i++) {
                    PendingTrace trace = batch.get(i);
                    List<TraceCurator.Prepared> candidates = prepared.get(i);
                    TraceCurator.Curated curated;
                    try {
                        curated = graph.write(tx -> curator.curate(tx, runId, trace, candidates, state, hook));
                    } catch (RuntimeException e) {
                        countFailure(trace, e);
                        throw e;
                    }
                    state.committed(curated);
                    tally.add(curated.decisions());
                }
                if (!repo.renewLease(LEASE, holder, ttl)) {
                    throw new IllegalStateException("the curation lease expired and was taken over; the run stopped after "
                            + tally.traces + " trace(s)");
                }
            }
            // lessons made active by this run (or before) whose advice other spaces share reach commons now
            tally.decided(promotion.run(runId));
            CurationReport report = tally.report(runId, trigger, (System.nanoTime() - started) / 1_000_000);
            repo.finishRun(runId, "COMPLETED", null, tally.counts());
            if (report.traces() > 0) {
                log.info(report.summary());
            } else {
                log.debug(report.summary());
            }
            return report;
        } catch (RuntimeException e) {
            try {
                repo.finishRun(runId, "FAILED", String.valueOf(e.getMessage()), tally.counts());
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            log.warn("Curation run {} failed after {} trace(s): {}", runId, tally.traces, e.getMessage());
            throw e;
        } finally {
            repo.releaseLease(LEASE, holder);
        }
    }

    /**
     * Extraction, screening and embedding for a batch of traces: everything slow happens before any trace's
     * transaction opens. Most candidate texts were embedded by the backfill after their trace was recorded; the
     * rest (fixes, rewritten lessons, traces the backfill has not reached) are embedded here, each distinct text once
     * and the batch in one call (the model runs batches far faster than single texts).
     */
    private List<List<TraceCurator.Prepared>> prepare(List<PendingTrace> batch) {
        List<List<LessonCandidate>> candidates = new ArrayList<>();
        List<List<Optional<String>>> reasons = new ArrayList<>();
        Map<String, float[]> missing = new LinkedHashMap<>();
        Map<String, float[]> successes = new LinkedHashMap<>();
        batch.stream().filter(t -> t.outcome() == Outcome.SUCCESS).forEach(t -> successes.put(t.traceId(), taskVector(t)));
        Map<String, List<CurationRepository.EarlierFailure>> failures = repo.earlierFailures(successes, props.fixTaskSimilarity());
        for (PendingTrace trace : batch) {
            List<LessonCandidate> mine = extractor.extract(trace, t -> failures.getOrDefault(t.traceId(), List.of()))
                    .stream().map(generalisation::apply).toList();
            List<Optional<String>> screened = mine.stream().map(c -> LessonScreen.quarantineReason(c.screened())).toList();
            for (int i = 0; i < mine.size(); i++) {
                String text = mine.get(i).text();
                if (screened.get(i).isEmpty() && trace.candidateEmbeddings().of(text, embedder.modelName()).isEmpty()) {
                    missing.put(text, null);
                }
            }
            candidates.add(mine);
            reasons.add(screened);
        }
        List<String> texts = new ArrayList<>(missing.keySet());
        List<float[]> vectors = embedder.embedDocuments(texts);
        for (int i = 0; i < texts.size(); i++) {
            missing.put(texts.get(i), vectors.get(i));
        }
        List<List<TraceCurator.Prepared>> prepared = new ArrayList<>();
        for (int t = 0; t < batch.size(); t++) {
            PendingTrace trace = batch.get(t);
            List<TraceCurator.Prepared> mine = new ArrayList<>();
            for (int i = 0; i < candidates.get(t).size(); i++) {
                LessonCandidate c = candidates.get(t).get(i);
                Optional<String> reason = reasons.get(t).get(i);
                float[] vector = reason.isPresent() ? null
                        : trace.candidateEmbeddings().of(c.text(), embedder.modelName()).orElseGet(() -> missing.get(c.text()));
                mine.add(new TraceCurator.Prepared(c, reason, vector));
            }
            prepared.add(mine);
        }
        return prepared;
    }

    /**
     * The run stops at a trace whose transaction fails (the next run retries it), but a trace that fails
     * {@code spark.curation.max-attempts} times is set aside, so that it cannot stop every later run.
     */
    private void countFailure(PendingTrace trace, RuntimeException e) {
        try {
            if (feed.failed(trace.traceId(), String.valueOf(e.getMessage()), props.maxAttempts())) {
                log.error("Trace {} failed curation {} times and was set aside (label CurationFailed): {}", trace.traceId(),
                        props.maxAttempts(), e.getMessage());
            }
        } catch (RuntimeException again) {
            e.addSuppressed(again);
        }
    }

    private float[] taskVector(PendingTrace trace) {
        return trace.taskEmbedding() != null ? trace.taskEmbedding() : embedder.embedQuery(trace.taskText());
    }

    /** Counts of one run's decisions. */
    private static final class Tally {
        int traces;
        final Map<LessonAction, Integer> actions = new EnumMap<>(LessonAction.class);

        void add(List<Decision> decisions) {
            traces++;
            decided(decisions);
        }

        void decided(List<Decision> decisions) {
            decisions.forEach(d -> actions.merge(d.action(), 1, Integer::sum));
        }

        int count(LessonAction action) {
            return actions.getOrDefault(action, 0);
        }

        Map<String, Object> counts() {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("traces", traces);
            for (LessonAction action : LessonAction.values()) {
                counts.put(action.name().toLowerCase(java.util.Locale.ROOT), count(action));
            }
            return counts;
        }

        CurationReport report(String runId, String trigger, long elapsedMs) {
            return new CurationReport(runId, trigger, traces, count(LessonAction.CREATED), count(LessonAction.MERGED),
                    count(LessonAction.QUARANTINED), count(LessonAction.PROMOTED), count(LessonAction.RETIRED),
                    count(LessonAction.CONTRADICTED), count(LessonAction.SUPERSEDED), count(LessonAction.CLUSTERED), count(LessonAction.SUGGESTED), elapsedMs);
        }
    }
}
