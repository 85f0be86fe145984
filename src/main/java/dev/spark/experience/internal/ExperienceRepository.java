package dev.spark.experience.internal;

import dev.spark.experience.TaskInput;
import dev.spark.graph.Graph;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement of the experience module: agents, tasks, traces, failure patterns, the agents' own
 * lessons and spaces. Statements that belong to a trace take the caller's transaction, so that a trace commits
 * whole or not at all; the caller decides where that transaction begins and ends.
 */
// a plain component: @Repository would wrap it in Spring's exception translation while Spring Data Neo4j is on the
// classpath, and the driver retries a transaction only on its own transient exceptions
@Component
public class ExperienceRepository {

    /**
     * One rule for a task node, whoever writes it first (a trace or a recommendation): identity by the hash of
     * its text, the libraries of every report added to it.
     */
    private static final String MERGE_TASK = """
            MERGE (t:Task {hash: $task.hash})
              ON CREATE SET t.id = $task.id, t.text = $task.text, t.codeContext = $task.codeContext, t.createdAt = datetime()
            SET t.libraries = reduce(acc = coalesce(t.libraries, []), l IN $task.libraries | CASE WHEN l IN acc THEN acc ELSE acc + l END)
            """;

    private static final String ENSURE_TASK = MERGE_TASK + """
            WITH t
            CALL (t) {
              WITH t WHERE t.embedding IS NULL AND $vector IS NOT NULL
              CALL db.create.setNodeVectorProperty(t, 'embedding', $vector)
            }
            RETURN t.id AS id""";

    private static final String TASK_ID = "MATCH (t:Task {hash: $hash}) RETURN t.id AS id";

    private static final String RECOMMENDATION_EXISTS = "RETURN EXISTS { (:Recommendation {id: $id}) } AS found";

    /** The trace with its agent, task and space. The APIs it used must exist already (see ApiCatalog). */
    private static final String TRACE = """
            MERGE (s:Space {id: $space}) ON CREATE SET s.name = $space
            MERGE (a:Agent {id: $agentId}) ON CREATE SET a.createdAt = datetime()
            SET a.model = coalesce($agentModel, a.model)
            """ + MERGE_TASK + """
            CREATE (tr:Trace {id: $traceId, outcome: $outcome, attempt: $attempt, error: $error, feedback: $feedback,
                              createdAt: datetime(), space: $space, redactions: $redactions})
            CREATE (a)-[:RECORDED]->(tr)
            CREATE (tr)-[:ATTEMPTED]->(t)
            CREATE (tr)-[:IN_SPACE]->(s)
            WITH tr, t
            CALL (tr) {
              UNWIND $apis AS name
              MATCH (x:Api {qualifiedName: name})
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

    private static final String LESSONS = """
            MATCH (tr:Trace {id: $traceId})
            UNWIND $lessons AS l
            CREATE (x:Lesson {id: l.id, text: l.text, kind: 'agent', status: l.status, quarantineReason: l.reason,
                              support: 1, agents: 1, successes: $successes, failures: $failures,
                              space: $space, createdAt: datetime()})
            CREATE (x)-[:LEARNED_FROM]->(tr)
            WITH x, tr
            CALL (x, tr) {
              MATCH (tr)-[:USED]->(a:Api)
              MERGE (x)-[:APPLIES_TO]->(a)
            }
            CALL (x, tr) {
              MATCH (tr)-[:HIT]->(f:FailurePattern)
              MERGE (x)-[:AVOIDS]->(f)
            }""";

    /** The rating reaches the lessons the followed recommendation cited, with the outcome of the new trace. */
    private static final String FOLLOWED = """
            MATCH (tr:Trace {id: $traceId}), (r:Recommendation {id: $recommendationId})
            CREATE (tr)-[:FOLLOWED {rating: $rating}]->(r)
            WITH r
            CALL (r) {
              MATCH (r)-[:CITES]->(l:Lesson)
              SET l.ratingCount = coalesce(l.ratingCount, 0) + 1,
                  l.ratingSum = coalesce(l.ratingSum, 0) + $rating,
                  l.successes = l.successes + $successes,
                  l.failures = l.failures + $failures
            }""";

    private static final String PENDING_TASKS = """
            MATCH (n:Task) WHERE n.embedding IS NULL AND n.text IS NOT NULL
            RETURN elementId(n) AS id, n.text AS text LIMIT $limit""";

    private static final String PENDING_LESSONS = """
            MATCH (n:Lesson) WHERE n.embedding IS NULL AND n.text IS NOT NULL
            RETURN elementId(n) AS id, n.text AS text LIMIT $limit""";

    private static final String PENDING_FAILURE_PATTERNS = """
            MATCH (n:FailurePattern) WHERE n.embedding IS NULL AND n.description IS NOT NULL
            RETURN elementId(n) AS id, n.description AS text LIMIT $limit""";

    private static final String SET_EMBEDDINGS = """
            UNWIND $rows AS row
            MATCH (n) WHERE elementId(n) = row.id
            CALL db.create.setNodeVectorProperty(n, 'embedding', row.embedding)""";

    private static final String HAS_EXPERIENCE = """
            RETURN EXISTS { (:Trace) } OR EXISTS { (:Agent) } OR EXISTS { (:Task) } OR EXISTS { (:Lesson) }
                   OR EXISTS { (:FailurePattern) } AS found""";

    private static final String FORGET_BATCH = """
            MATCH (n) WHERE n:Agent OR n:Task OR n:Trace OR n:FailurePattern OR n:Lesson OR n:Space
            WITH n LIMIT $batch
            DETACH DELETE n
            RETURN count(*) AS deleted""";

    /** A task as stored: the id a new node gets is derived from the hash, so every writer agrees on it. */
    public record TaskRow(String id, String hash, String text, String codeContext, List<String> libraries) {

        public static TaskRow of(TaskInput task) {
            String hash = task.hash();
            String id = "task-" + UUID.nameUUIDFromBytes(("spark-task:" + hash).getBytes(StandardCharsets.UTF_8));
            return new TaskRow(id, hash, task.text(), task.codeContext(), task.libraries());
        }

        Map<String, Object> parameter() {
            Map<String, Object> map = new HashMap<>();
            map.put("id", id);
            map.put("hash", hash);
            map.put("text", text);
            map.put("codeContext", codeContext);
            map.put("libraries", libraries);
            return map;
        }
    }

    /** A trace as stored, its text already redacted; {@code apis} are qualified names. */
    public record TraceRow(String traceId, String agentId, String agentModel, String space, TaskRow task, String outcome,
                           String attempt, String error, String feedback, int redactions, List<String> apis) {
    }

    /** A lesson an agent wrote, with the status the screen gave it. */
    public record LessonRow(String id, String text, String status, String quarantineReason) {
    }

    /** The outcome counts a trace adds to the lessons it creates or rates. */
    public record OutcomeCounts(int successes, int failures) {
    }

    /** A node that waits for its embedding. */
    public record PendingText(String elementId, String text) {
    }

    /** The node kinds that are embedded after their trace commits. */
    public enum Embeddable {
        TASK(PENDING_TASKS), LESSON(PENDING_LESSONS), FAILURE_PATTERN(PENDING_FAILURE_PATTERNS);

        private final String pending;

        Embeddable(String pending) {
            this.pending = pending;
        }
    }

    private final Graph graph;

    public ExperienceRepository(Graph graph) {
        this.graph = graph;
    }

    public Optional<String> taskId(String hash) {
        return graph.query(TASK_ID, Map.of("hash", hash)).stream().map(r -> r.get("id").asString()).findFirst();
    }

    /** MERGEs the task in the caller's transaction, embedding it if it has no embedding yet; returns its id. */
    public String ensureTask(TransactionContext tx, TaskRow task, float[] vector) {
        Map<String, Object> params = new HashMap<>();
        params.put("task", task.parameter());
        params.put("vector", vector);
        return tx.run(ENSURE_TASK, params).single().get("id").asString();
    }

    public boolean recommendationExists(TransactionContext tx, String id) {
        return tx.run(RECOMMENDATION_EXISTS, Map.of("id", id)).single().get("found").asBoolean();
    }

    /** Creates the trace, MERGEs its agent, task and space, links the APIs it used; returns the task's id. */
    public String createTrace(TransactionContext tx, TraceRow trace) {
        Map<String, Object> params = new HashMap<>();
        params.put("space", trace.space());
        params.put("agentId", trace.agentId());
        params.put("agentModel", trace.agentModel());
        params.put("task", trace.task().parameter());
        params.put("traceId", trace.traceId());
        params.put("outcome", trace.outcome());
        params.put("attempt", trace.attempt());
        params.put("error", trace.error());
        params.put("feedback", trace.feedback());
        params.put("redactions", trace.redactions());
        params.put("apis", trace.apis());
        return tx.run(TRACE, params).single().get("taskId").asString();
    }

    /** Files the trace under its failure pattern, counting the occurrence. */
    public void fileFailure(TransactionContext tx, String traceId, FailureSignature failure) {
        Map<String, Object> params = new HashMap<>();
        params.put("traceId", traceId);
        params.put("signature", failure.signature());
        params.put("exceptionType", failure.exceptionType());
        params.put("messageShape", failure.messageShape());
        params.put("api", failure.api());
        params.put("description", failure.signature());
        tx.run(FAILURE, params).consume();
    }

    /** Creates the agent's own lessons, linked to the trace's APIs and failure pattern. */
    public void addLessons(TransactionContext tx, String traceId, String space, List<LessonRow> lessons, OutcomeCounts outcome) {
        List<Map<String, Object>> rows = lessons.stream().map(l -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", l.id());
            row.put("text", l.text());
            row.put("status", l.status());
            row.put("reason", l.quarantineReason());
            return row;
        }).toList();
        tx.run(LESSONS, Map.of("traceId", traceId, "space", space, "lessons", rows,
                "successes", outcome.successes(), "failures", outcome.failures())).consume();
    }

    /** Records that the trace followed a recommendation, and passes its rating and outcome to the cited lessons. */
    public void rateFollowed(TransactionContext tx, String traceId, String recommendationId, int rating, OutcomeCounts outcome) {
        tx.run(FOLLOWED, Map.of("traceId", traceId, "recommendationId", recommendationId, "rating", rating,
                "successes", outcome.successes(), "failures", outcome.failures())).consume();
    }

    public List<PendingText> pendingEmbeddings(Embeddable kind, int limit) {
        return graph.query(kind.pending, Map.of("limit", limit)).stream()
                .map(r -> new PendingText(r.get("id").asString(), r.get("text").asString())).toList();
    }

    /** Sets embeddings by element id; {@code vectors} is parallel to {@code nodes}. */
    public void setEmbeddings(List<PendingText> nodes, List<float[]> vectors) {
        List<Map<String, Object>> rows = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            rows.add(Map.of("id", nodes.get(i).elementId(), "embedding", vectors.get(i)));
        }
        graph.execute(SET_EMBEDDINGS, Map.of("rows", rows));
    }

    public boolean hasExperience() {
        return graph.query(HAS_EXPERIENCE, Map.of()).get(0).get("found").asBoolean();
    }

    /** Deletes up to {@code batch} experience nodes in one transaction; returns how many. */
    public long forgetBatch(int batch) {
        return graph.write(tx -> tx.run(FORGET_BATCH, Map.of("batch", batch)).single().get("deleted").asLong());
    }
}
