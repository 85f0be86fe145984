package dev.spark.experience;

import dev.spark.experience.internal.ExperienceRepository;
import dev.spark.experience.internal.ExperienceRepository.TaskRow;
import dev.spark.experience.internal.ExperienceRepository.TraceRow;
import dev.spark.experience.internal.FailureSignature;
import dev.spark.experience.internal.SecretRedactor;
import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import dev.spark.knowledge.ApiCatalog;
import dev.spark.knowledge.ApiNames;
import dev.spark.validation.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.stereotype.Service;

/**
 * Stores what agents report. One trace is one transaction: the agent, the task (one node per task text), the
 * trace, the APIs its code used, the failure pattern its error matches, the agent's own lessons (kept on the
 * trace as text) and the rating of the recommendation it followed all commit together or not at all. Secrets are
 * redacted before anything is stored. Every new trace carries the label {@code Uncurated} from the transaction
 * that creates it, so curation finds exactly the traces it has not seen, however late they commit; lessons
 * appear once curation has screened and merged them. Embeddings are computed after the commit by
 * {@link EmbeddingBackfill}, so a write costs milliseconds. Once committed, the trace is announced as a
 * {@link TraceRecorded} event.
 */
@Service
public class TraceRecorder {

    private static final Logger log = LoggerFactory.getLogger(TraceRecorder.class);

    private final Graph graph;
    private final ExperienceRepository repository;
    private final ApiCatalog apiCatalog;
    private final EmbeddingBackfill backfill;
    private final WriteBehind writeBehind;
    private final ApplicationEventPublisher events;
    private final PythonApiExtractor extractor = new PythonApiExtractor();
    private final SecretRedactor redactor = new SecretRedactor();
    private final ObservationRegistry observations;

    public TraceRecorder(Graph graph, ExperienceRepository repository, ApiCatalog apiCatalog, EmbeddingBackfill backfill,
                         WriteBehind writeBehind, ApplicationEventPublisher events, ObservationRegistry observations) {
        this.graph = graph;
        this.observations = observations;
        this.repository = repository;
        this.apiCatalog = apiCatalog;
        this.backfill = backfill;
        this.writeBehind = writeBehind;
        this.events = events;
    }

    /** Validates, redacts and stores a trace; errors name the offending field and store nothing. */
    public TraceReceipt record(TraceInput input) {
        // timed as spark.trace.record (tags: outcome, error), exported at /actuator/prometheus
        return Observation.createNotStarted("spark.trace.record", observations)
                .lowCardinalityKeyValue("outcome", input.outcome() == null ? "none" : input.outcome().name())
                .observe(() -> store(input));
    }

    private TraceReceipt store(TraceInput input) {
        long started = System.nanoTime();
        TraceInput trace = input.validated();
        int[] redactions = {0};
        TaskInput task = new TaskInput(redact(trace.task().text(), redactions), redact(trace.task().codeContext(), redactions),
                trace.task().libraries());
        String attempt = redact(trace.attempt(), redactions);
        String error = redact(trace.error(), redactions);
        String feedback = redact(trace.feedback(), redactions);
        List<String> lessons = trace.lessons().stream().map(l -> redact(l, redactions)).toList();

        Set<String> apiSet = new LinkedHashSet<>();
        usedApis(task, attempt).forEach(api -> apiSet.add(ApiNames.canonical(api)));
        List<String> apis = List.copyOf(apiSet);
        Optional<FailureSignature> failure = error == null || trace.outcome() == Outcome.SUCCESS
                ? Optional.empty() : FailureSignature.of(error, apis);

        String traceId = "trace-" + UUID.randomUUID();
        TraceRow row = new TraceRow(traceId, trace.agentId(), trace.agentModel(), trace.space(), TaskRow.of(task),
                trace.outcome().name(), attempt, error, feedback, redactions[0], apis, lessons);
        TraceInput.Followed followed = trace.followed();

        if (followed != null) {
            writeBehind.flush(); // the recommendation being rated may still be on its way to the database
        }
        String taskId = graph.write(tx -> write(tx, row, failure, followed));
        backfill.requestSoon();
        String signature = failure.map(FailureSignature::signature).orElse(null);
        events.publishEvent(new TraceRecorded(traceId, taskId, trace.agentId(), trace.space(), trace.outcome(), apis, signature,
                List.of(), followed == null ? null : followed.recommendationId(), followed == null ? null : followed.rating()));
        log.debug("Recorded {} ({}) for {} in {} µs", traceId, trace.outcome(), trace.agentId(), (System.nanoTime() - started) / 1_000);
        // lessons become Lesson nodes (or are quarantined) when curation reads the trace, not here
        return new TraceReceipt(traceId, taskId, redactions[0], apis, signature, List.of(), 0);
    }

    /** The whole trace in the caller's transaction: any failure on the way leaves nothing of it. */
    private String write(TransactionContext tx, TraceRow row, Optional<FailureSignature> failure, TraceInput.Followed followed) {
        if (followed != null && !repository.recommendationExists(tx, followed.recommendationId())) {
            throw new InvalidInputException("followed.recommendationId", "no recommendation has the id '" + followed.recommendationId() + "'");
        }
        apiCatalog.register(tx, row.apis());
        String taskId = repository.createTrace(tx, row);
        failure.ifPresent(f -> repository.fileFailure(tx, row.traceId(), f));
        if (followed != null) {
            repository.rateFollowed(tx, row.traceId(), followed.recommendationId(), followed.rating());
        }
        return taskId;
    }

    /**
     * The APIs the attempt calls. The code context resolves imports and variable types, but what only the
     * context calls (setup such as {@code pd.DataFrame(...)}) was not part of the attempt.
     */
    private Set<String> usedApis(TaskInput task, String attempt) {
        if (task.codeContext() == null || task.codeContext().isBlank()) {
            return extractor.extract(attempt, task.libraries());
        }
        Set<String> all = extractor.extract(task.codeContext() + "\n" + attempt, task.libraries());
        Set<String> contextOnly = extractor.extract(task.codeContext(), task.libraries());
        Set<String> alone = extractor.extract(attempt, task.libraries());
        Set<String> used = new LinkedHashSet<>();
        for (String api : all) {
            if (!contextOnly.contains(api) || alone.contains(api)) {
                used.add(api);
            }
        }
        return used;
    }

    private String redact(String text, int[] count) {
        if (text == null) {
            return null;
        }
        SecretRedactor.Redaction redaction = redactor.redact(text);
        count[0] += redaction.count();
        return redaction.text();
    }
}
