package dev.spark.experience;

import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import dev.spark.knowledge.ApiNames;
import dev.spark.validation.InvalidInputException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Stores what agents report. One trace is one transaction: the agent, the task (one node per task text), the
 * trace, the APIs its code used, the failure pattern its error matches, the agent's own lessons (kept on the
 * trace as text) and the rating of the recommendation it followed all commit together or not at all. Secrets are
 * redacted before anything is stored. Every new trace carries the label {@code Uncurated} from the transaction
 * that creates it, so curation finds exactly the traces it has not seen, however late they commit; lessons
 * appear once curation has screened and merged them. Embeddings are computed after the commit by
 * {@link EmbeddingBackfill}, so a write costs milliseconds.
 */
@Service
public class TraceRecorder {

    private static final Logger log = LoggerFactory.getLogger(TraceRecorder.class);

    private static final String CORE = """
            MERGE (s:Space {id: $space}) ON CREATE SET s.name = $space
            MERGE (a:Agent {id: $agentId}) ON CREATE SET a.createdAt = datetime()
            SET a.model = coalesce($agentModel, a.model)
            MERGE (t:Task {hash: $taskHash})
              ON CREATE SET t.id = $taskId, t.text = $taskText, t.codeContext = $codeContext, t.createdAt = datetime()
            SET t.libraries = reduce(acc = coalesce(t.libraries, []), l IN $libraries | CASE WHEN l IN acc THEN acc ELSE acc + l END)
            CREATE (tr:Trace:Uncurated {id: $traceId, outcome: $outcome, attempt: $attempt, error: $error, feedback: $feedback,
                              createdAt: datetime(), space: $space, redactions: $redactions, lessons: $lessons})
            CREATE (a)-[:RECORDED]->(tr)
            CREATE (tr)-[:ATTEMPTED]->(t)
            CREATE (tr)-[:IN_SPACE]->(s)
            WITH tr, t
            CALL (tr) {
              UNWIND $apis AS api
              MERGE (x:Api {qualifiedName: api.name})
                ON CREATE SET x.kind = api.kind, x.library = api.library, x.name = api.short, x.foundIn = 'trace'
              MERGE (tr)-[:USED]->(x)
            }
            RETURN t.id AS taskId""";

    private static final String FAILURE = """
            MATCH (tr:Trace {id: $traceId})
            MERGE (f:FailurePattern {signature: $signature})
              ON CREATE SET f.exceptionType = $exceptionType, f.messageShape = $messageShape, f.api = $api,
                            f.description = $description, f.createdAt = datetime(), f.occurrences = 0
            SET f.occurrences = f.occurrences + 1
            MERGE (tr)-[:HIT]->(f)
            WITH f
            CALL (f) {
              MATCH (x:Api {qualifiedName: $api})
              MERGE (f)-[:INVOLVES]->(x)
            }""";

    private static final String FOLLOWED = """
            MATCH (tr:Trace {id: $traceId}), (r:Recommendation {id: $recommendationId})
            CREATE (tr)-[:FOLLOWED {rating: $rating}]->(r)""";

    private final Graph graph;
    private final EmbeddingBackfill backfill;
    private final WriteBehind writeBehind;
    private final PythonApiExtractor extractor = new PythonApiExtractor();
    private final SecretRedactor redactor = new SecretRedactor();

    public TraceRecorder(Graph graph, EmbeddingBackfill backfill, WriteBehind writeBehind) {
        this.graph = graph;
        this.backfill = backfill;
        this.writeBehind = writeBehind;
    }

    /** Validates, redacts and stores a trace; errors name the offending field and store nothing. */
    public TraceReceipt record(TraceInput input) {
        long started = System.nanoTime();
        TraceInput trace = input.validated();
        int[] redactions = {0};
        TaskInput task = new TaskInput(redact(trace.task().text(), redactions), redact(trace.task().codeContext(), redactions),
                trace.task().libraries());
        String attempt = redact(trace.attempt(), redactions);
        String error = redact(trace.error(), redactions);
        String feedback = redact(trace.feedback(), redactions);
        List<String> lessons = trace.lessons().stream().map(l -> redact(l, redactions)).toList();

        Set<String> apis = new LinkedHashSet<>();
        usedApis(task, attempt).forEach(api -> apis.add(ApiNames.canonical(api)));
        Optional<FailureSignature> failure = error == null || trace.outcome() == Outcome.SUCCESS
                ? Optional.empty() : FailureSignature.of(error, List.copyOf(apis));

        String traceId = "trace-" + UUID.randomUUID();
        Map<String, Object> params = new HashMap<>();
        params.put("space", trace.space());
        params.put("agentId", trace.agentId());
        params.put("agentModel", trace.agentModel());
        params.put("taskHash", task.hash());
        params.put("taskId", "task-" + UUID.randomUUID());
        params.put("taskText", task.text());
        params.put("codeContext", task.codeContext());
        params.put("libraries", task.libraries());
        params.put("traceId", traceId);
        params.put("outcome", trace.outcome().name());
        params.put("attempt", attempt);
        params.put("error", error);
        params.put("feedback", feedback);
        params.put("redactions", redactions[0]);
        params.put("apis", apis.stream().map(TraceRecorder::apiRow).toList());
        params.put("lessons", lessons);
        failure.ifPresent(f -> {
            params.put("signature", f.signature());
            params.put("exceptionType", f.exceptionType());
            params.put("messageShape", f.messageShape());
            params.put("api", f.api());
            params.put("description", f.signature());
        });
        if (trace.followed() != null) {
            params.put("recommendationId", trace.followed().recommendationId());
            params.put("rating", trace.followed().rating());
        }

        if (trace.followed() != null) {
            writeBehind.flush(); // the recommendation being rated may still be on its way to the database
        }
        String taskId = graph.write(tx -> write(tx, params, failure.isPresent(), trace.followed() != null));
        backfill.requestSoon();
        log.debug("Recorded {} ({}) for {} in {} µs", traceId, trace.outcome(), trace.agentId(), (System.nanoTime() - started) / 1_000);
        return new TraceReceipt(traceId, taskId, redactions[0], List.copyOf(apis), failure.map(FailureSignature::signature).orElse(null),
                List.of(), 0);
    }

    private static String write(TransactionContext tx, Map<String, Object> params, boolean failure, boolean followed) {
        if (followed && tx.run("MATCH (r:Recommendation {id: $recommendationId}) RETURN count(r) AS n", params).single().get("n").asLong() == 0) {
            throw new InvalidInputException("followed.recommendationId", "no recommendation has the id '" + params.get("recommendationId") + "'");
        }
        String taskId = tx.run(CORE, params).single().get("taskId").asString();
        if (failure) {
            tx.run(FAILURE, params).consume();
        }
        if (followed) {
            tx.run(FOLLOWED, params).consume();
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

    private static Map<String, Object> apiRow(String name) {
        return Map.of("name", name, "kind", ApiNames.kind(name), "library", ApiNames.library(name),
                "short", name.substring(name.lastIndexOf('.') + 1));
    }
}
