package dev.spark.experience.internal;

import dev.spark.experience.Outcome;
import dev.spark.experience.PendingTrace;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.graph.Graph;
import dev.spark.graph.OneParameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement of the experience module: agents, tasks, traces, failure patterns and spaces, and the
 * feed of traces curation has not seen yet. Statements that belong to a trace take the caller's transaction, so that a trace commits
 * whole or not at all; the caller decides where that transaction begins and ends.
 */
// a plain component, not @Repository: exception translation would hide the driver's transient exceptions, on which
// Graph's managed transactions retry
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

    /**
     * The trace with its agent, task and space. The APIs it used must exist already (see ApiCatalog). The agent's
     * own lessons stay on the trace as text, and the label {@code Uncurated} is set here, in the creating
     * transaction, so a trace is pending for curation exactly from its commit, however late that is.
     */
    private static final String TRACE = """
            MERGE (s:Space {id: $space}) ON CREATE SET s.name = $space
            MERGE (a:Agent {id: $agentId}) ON CREATE SET a.createdAt = datetime()
            SET a.model = coalesce($agentModel, a.model)
            """ + MERGE_TASK + """
            CREATE (tr:Trace:Uncurated {id: $traceId, outcome: $outcome, attempt: $attempt, error: $error, feedback: $feedback,
                                        createdAt: datetime(), space: $space, redactions: $redactions, lessons: $lessons})
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

    /**
     * Files a trace under its failure pattern. Beside the pattern's own count, a {@code SEEN_IN} edge to the trace's
     * space keeps how many of that space's traces hit it and which did last, so that showing a pitfall to a caller
     * (counted within the spaces it sees) reads two properties instead of every trace that ever hit the pattern.
     */
    private static final String FAILURE = """
            MATCH (tr:Trace {id: $traceId})
            MERGE (s:Space {id: coalesce(tr.space, 'commons')}) ON CREATE SET s.name = s.id
            MERGE (f:FailurePattern {signature: $signature})
              ON CREATE SET f.exceptionType = $exceptionType, f.messageShape = $messageShape, f.api = $api,
                            f.description = $description, f.createdAt = datetime(), f.occurrences = 0
            SET f.occurrences = f.occurrences + 1
            WITH tr, s, f, EXISTS { (tr)-[:HIT]->(f) } AS filed
            MERGE (tr)-[:HIT]->(f)
            MERGE (f)-[seen:SEEN_IN]->(s) ON CREATE SET seen.occurrences = 0
            SET seen.occurrences = seen.occurrences + CASE WHEN filed THEN 0 ELSE 1 END,
                seen.lastTraceId = tr.id, seen.lastAt = tr.createdAt
            WITH f
            CALL (f) {
              MATCH (x:Api {qualifiedName: $api})
              MERGE (f)-[:INVOLVES]->(x)
            }""";
    // a trace has many optional values: one map parameter keeps one cached plan per statement (see OneParameter)
    private static final String TRACE_P = OneParameter.statement(TRACE);
    private static final String FAILURE_P = OneParameter.statement(FAILURE);
    private static final String ENSURE_TASK_P = OneParameter.statement(ENSURE_TASK);


    /** Only the edge: curation credits the cited lessons from it when it curates the trace. */
    private static final String FOLLOWED = """
            MATCH (tr:Trace {id: $traceId}), (r:Recommendation {id: $recommendationId})
            CREATE (tr)-[:FOLLOWED {rating: $rating}]->(r)""";

    private static final String PENDING_TASKS = """
            MATCH (n:Task) WHERE n.embedding IS NULL AND n.text IS NOT NULL
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

    /** What of a task and its code is stored as experience: the task attempted by a trace, the code, a lesson quoting the task. */
    private static final String RECORDED = """
            RETURN EXISTS { MATCH (t:Task)<-[:ATTEMPTED]-(:Trace) WHERE t.id = $taskId OR t.text = $text } AS task,
                   EXISTS { MATCH (tr:Trace) WHERE tr.attempt = $code } AS code,
                   EXISTS { MATCH (l:Lesson) WHERE l.text CONTAINS $text } AS lesson""";

    private static final String TRACES_OF_AGENTS = """
            MATCH (a:Agent)-[:RECORDED]->(t:Trace)
            WHERE a.id STARTS WITH $prefix
            RETURN t.id AS id""";

    private static final String FORGET_BATCH = """
            MATCH (n) WHERE n:Agent OR n:Task OR n:Trace OR n:FailurePattern OR n:Space
            WITH n LIMIT $batch
            DETACH DELETE n
            RETURN count(*) AS deleted""";

    /** What curation learns from a trace {@code tr} (see {@link PendingTrace}). */
    private static final String PENDING_TRACE = """
            MATCH (a:Agent)-[:RECORDED]->(tr)-[:ATTEMPTED]->(t:Task)
            CALL (tr) { OPTIONAL MATCH (tr)-[:USED]->(x:Api) WITH x ORDER BY x.qualifiedName RETURN collect(x.qualifiedName) AS apis }
            CALL (tr) { OPTIONAL MATCH (tr)-[:HIT]->(f:FailurePattern) RETURN head(collect(f.signature)) AS failure }
            CALL (tr) {
              OPTIONAL MATCH (tr)-[fo:FOLLOWED]->(r:Recommendation)
              OPTIONAL MATCH (r)-[:CITES]->(l:Lesson)
              RETURN head(collect(r.id)) AS recommendation, head(collect(fo.rating)) AS rating, collect(DISTINCT l.id) AS cited
            }
            RETURN tr.id AS traceId, a.id AS agentId, tr.space AS space, t.id AS taskId, t.text AS taskText,
                   t.embedding AS taskEmbedding, tr.outcome AS outcome, tr.attempt AS attempt, tr.error AS error, failure,
                   apis, coalesce(tr.lessons, []) AS lessons, recommendation, rating, cited, tr.createdAt AS createdAt,
                   tr.candidateModel AS candidateModel, coalesce(tr.candidateTexts, []) AS candidateTexts,
                   coalesce(tr.candidateVectors, []) AS candidateVectors
            """;

    /** Uncurated traces, oldest first. */
    private static final String UNCURATED = """
            MATCH (tr:Trace:Uncurated)
            WITH tr ORDER BY tr.createdAt, tr.id LIMIT $limit
            """ + PENDING_TRACE + "ORDER BY tr.createdAt, tr.id";

    /** Uncurated traces whose candidate texts the backfill has not embedded yet, oldest first. */
    private static final String UNEMBEDDED = """
            MATCH (tr:Trace:Uncurated) WHERE tr.candidateTexts IS NULL
            WITH tr ORDER BY tr.createdAt, tr.id LIMIT $limit
            """ + PENDING_TRACE;

    /**
     * The candidate texts of a trace with their embeddings, one after another in a flat list: a property cannot hold
     * a list of lists. Only on traces still pending: curation removes them when it claims the trace.
     */
    private static final String SET_CANDIDATE_EMBEDDINGS = """
            UNWIND $rows AS row
            MATCH (tr:Trace:Uncurated {id: row.traceId})
            SET tr.candidateTexts = row.texts, tr.candidateVectors = row.vectors, tr.candidateModel = $model""";

    /** Takes the trace's write lock first, so the label read after it is the committed one (see {@link #claim}). */
    private static final String LOCK_TRACE = """
            MATCH (tr:Trace {id: $id})
            SET tr.curationLock = true
            REMOVE tr.curationLock""";

    private static final String CLAIM = """
            MATCH (tr:Trace:Uncurated {id: $id})
            REMOVE tr:Uncurated, tr.candidateTexts, tr.candidateVectors, tr.candidateModel
            SET tr.curatedAt = datetime()
            RETURN count(tr) AS claimed""";

    /**
     * A failed curation attempt of one trace, counted on the trace; after {@code $max} attempts the trace leaves the
     * feed with the label {@code CurationFailed} (and its last error), so one bad trace cannot stop every run.
     */
    private static final String CURATION_FAILED = """
            MATCH (tr:Trace:Uncurated {id: $id})
            SET tr.curationAttempts = coalesce(tr.curationAttempts, 0) + 1, tr.curationError = $error
            WITH tr WHERE tr.curationAttempts >= $max
            REMOVE tr:Uncurated
            SET tr:CurationFailed
            RETURN count(tr) AS parked""";

    // ---- forgetting on request --------------------------------------------------------------------------------------

    private static final String TRACE_EXISTS = "RETURN EXISTS { (:Trace {id: $id}) } AS found";

    private static final String AGENT_EXISTS = "RETURN EXISTS { (:Agent {id: $id}) } AS found";

    private static final String RECORDED_BY = """
            RETURN EXISTS { MATCH (:Agent {id: $agent})-[:RECORDED]->(t:Trace {id: $id}) WHERE coalesce(t.space, 'commons') = $space }
                   AS found""";

    private static final String SPACE_EXISTS = """
            RETURN EXISTS { (:Space {id: $id}) } OR EXISTS { MATCH (t:Trace) WHERE t.space = $id } AS found""";

    private static final String TRACES_OF_AGENT = """
            MATCH (:Agent {id: $id})-[:RECORDED]->(t:Trace)
            RETURN t.id AS id ORDER BY t.id LIMIT $limit""";

    /** By the edge and by the property: a trace carries both, but either alone must not hide a trace from forgetting. */
    private static final String TRACES_IN_SPACE = """
            CALL () {
              MATCH (:Space {id: $id})<-[:IN_SPACE]-(t:Trace) RETURN t
              UNION
              MATCH (t:Trace) WHERE t.space = $id RETURN t
            }
            RETURN t.id AS id ORDER BY t.id LIMIT $limit""";

    /**
     * What deleting these traces takes with it: the tasks and failure patterns no other trace attempted or hit, and
     * the APIs the traces used (pruned afterwards when nothing else points at them).
     */
    private static final String FOOTPRINT = """
            OPTIONAL MATCH (tr:Trace) WHERE tr.id IN $ids
            WITH collect(tr) AS traces
            CALL (traces) {
              UNWIND traces AS tr
              MATCH (tr)-[:ATTEMPTED]->(t:Task)
              WITH DISTINCT t, traces
              WHERE NOT EXISTS { MATCH (t)<-[:ATTEMPTED]-(o:Trace) WHERE NOT o IN traces }
              RETURN collect(t.id) AS tasks
            }
            CALL (traces) {
              UNWIND traces AS tr
              MATCH (tr)-[:HIT]->(f:FailurePattern)
              WITH DISTINCT f, traces
              WHERE NOT EXISTS { MATCH (f)<-[:HIT]-(o:Trace) WHERE NOT o IN traces }
              RETURN collect(f.signature) AS patterns
            }
            CALL (traces) {
              UNWIND traces AS tr
              MATCH (tr)-[:USED]->(a:Api)
              RETURN collect(DISTINCT a.qualifiedName) AS apis
            }
            RETURN [t IN traces | t.id] AS traces, tasks, patterns, apis""";

    /**
     * A failure pattern that other traces still hit stays, one occurrence fewer per forgotten trace; so does its count
     * in each space, whose last trace moves to the newest one left (the edge goes with the space's last trace).
     */
    private static final String UNCOUNT_FAILURES = """
            MATCH (tr:Trace)-[:HIT]->(f:FailurePattern) WHERE tr.id IN $ids
            WITH f, count(tr) AS n
            SET f.occurrences = CASE WHEN coalesce(f.occurrences, 0) > n THEN f.occurrences - n ELSE 0 END
            WITH f
            MATCH (f)-[seen:SEEN_IN]->(s:Space)
            CALL (f, seen, s) {
              OPTIONAL MATCH (o:Trace)-[:HIT]->(f) WHERE coalesce(o.space, 'commons') = s.id AND NOT o.id IN $ids
              WITH o ORDER BY o.createdAt DESC
              WITH collect(o) AS left
              CALL (seen, left) {
                WITH seen, left WHERE size(left) = 0
                DELETE seen
              }
              CALL (seen, left) {
                WITH seen, left WHERE size(left) > 0
                SET seen.occurrences = size(left), seen.lastTraceId = left[0].id, seen.lastAt = left[0].createdAt
              }
            }""";

    private static final String DELETE_TRACES = """
            MATCH (tr:Trace) WHERE tr.id IN $ids
            DETACH DELETE tr
            RETURN count(*) AS deleted""";

    private static final String DELETE_LONE_PATTERNS = """
            MATCH (f:FailurePattern) WHERE f.signature IN $signatures AND NOT EXISTS { (f)<-[:HIT]-(:Trace) }
            DETACH DELETE f
            RETURN count(*) AS deleted""";

    /** A task goes with its text and embedding once no trace attempted it and no recommendation was made for it. */
    private static final String DELETE_LONE_TASKS = """
            MATCH (t:Task) WHERE t.id IN $ids
              AND NOT EXISTS { (t)<-[:ATTEMPTED]-(:Trace) } AND NOT EXISTS { (t)<-[:FOR]-(:Recommendation) }
            DETACH DELETE t
            RETURN count(*) AS deleted""";

    private static final String DELETE_AGENT = """
            MATCH (a:Agent {id: $id}) WHERE NOT EXISTS { (a)-[:RECORDED]->(:Trace) }
            DETACH DELETE a
            RETURN count(*) AS deleted""";

    private static final String DELETE_SPACE = """
            MATCH (s:Space {id: $id}) WHERE NOT EXISTS { (s)<-[:IN_SPACE]-(:Trace) }
            DETACH DELETE s
            RETURN count(*) AS deleted""";

    /** What deleting a set of traces takes with it (see {@link #FOOTPRINT}). */
    public record Footprint(List<String> traces, List<String> tasks, List<String> failurePatterns, List<String> apis) {
    }

    /** Whether {@code agent} recorded the trace, in {@code space}. */
    public boolean recordedBy(String traceId, String agent, String space) {
        return graph.query(RECORDED_BY, Map.of("id", traceId, "agent", agent, "space", space)).get(0).get("found").asBoolean();
    }

    public boolean exists(String kind, String id) {
        String cypher = switch (kind) {
            case "trace" -> TRACE_EXISTS;
            case "agent" -> AGENT_EXISTS;
            case "space" -> SPACE_EXISTS;
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
        return graph.query(cypher, Map.of("id", id)).get(0).get("found").asBoolean();
    }

    public List<String> tracesOfAgent(TransactionContext tx, String agentId, int limit) {
        return tx.run(TRACES_OF_AGENT, Map.of("id", agentId, "limit", limit)).list(r -> r.get("id").asString());
    }

    public List<String> tracesInSpace(TransactionContext tx, String spaceId, int limit) {
        return tx.run(TRACES_IN_SPACE, Map.of("id", spaceId, "limit", limit)).list(r -> r.get("id").asString());
    }

    public Footprint footprint(TransactionContext tx, List<String> traceIds) {
        Record r = tx.run(FOOTPRINT, Map.of("ids", traceIds)).single();
        return new Footprint(r.get("traces").asList(Value::asString), r.get("tasks").asList(Value::asString),
                r.get("patterns").asList(Value::asString), r.get("apis").asList(Value::asString));
    }

    /** Counts of one deletion. */
    public record Deleted(long traces, long tasks, long failurePatterns) {
    }

    public Deleted deleteTraces(TransactionContext tx, Footprint footprint, List<String> moreTasks) {
        tx.run(UNCOUNT_FAILURES, Map.of("ids", footprint.traces())).consume();
        long traces = tx.run(DELETE_TRACES, Map.of("ids", footprint.traces())).single().get("deleted").asLong();
        long patterns = tx.run(DELETE_LONE_PATTERNS, Map.of("signatures", footprint.failurePatterns())).single().get("deleted").asLong();
        List<String> tasks = new ArrayList<>(footprint.tasks());
        tasks.addAll(moreTasks);
        return new Deleted(traces, deleteLoneTasks(tx, tasks), patterns);
    }

    public long deleteLoneTasks(TransactionContext tx, List<String> taskIds) {
        return taskIds.isEmpty() ? 0 : tx.run(DELETE_LONE_TASKS, Map.of("ids", taskIds)).single().get("deleted").asLong();
    }

    public long deleteAgent(TransactionContext tx, String agentId) {
        return tx.run(DELETE_AGENT, Map.of("id", agentId)).single().get("deleted").asLong();
    }

    public long deleteSpace(TransactionContext tx, String spaceId) {
        return tx.run(DELETE_SPACE, Map.of("id", spaceId)).single().get("deleted").asLong();
    }

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

    /**
     * A trace as stored, its text already redacted; {@code apis} are qualified names, {@code lessons} the agent's
     * own lesson texts (curation turns them into lessons).
     */
    public record TraceRow(String traceId, String agentId, String agentModel, String space, TaskRow task, String outcome,
                           String attempt, String error, String feedback, int redactions, List<String> apis,
                           List<String> lessons) {
    }

    /** A node that waits for its embedding. */
    public record PendingText(String elementId, String text) {
    }

    /** The node kinds that are embedded after their trace commits. */
    public enum Embeddable {
        TASK(PENDING_TASKS), FAILURE_PATTERN(PENDING_FAILURE_PATTERNS);

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
        return tx.run(ENSURE_TASK_P, OneParameter.values(params)).single().get("id").asString();
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
        params.put("lessons", trace.lessons());
        return tx.run(TRACE_P, OneParameter.values(params)).single().get("taskId").asString();
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
        tx.run(FAILURE_P, OneParameter.values(params)).consume();
    }

    /** Records that the trace followed a recommendation, with the agent's rating of it. */
    public void rateFollowed(TransactionContext tx, String traceId, String recommendationId, int rating) {
        tx.run(FOLLOWED, Map.of("traceId", traceId, "recommendationId", recommendationId, "rating", rating)).consume();
    }

    /** Up to {@code limit} uncurated traces, oldest first. */
    public List<PendingTrace> uncurated(int limit) {
        return graph.query(UNCURATED, Map.of("limit", limit)).stream().map(ExperienceRepository::pendingTrace).toList();
    }

    /** Up to {@code limit} uncurated traces whose candidate texts are not embedded yet. */
    public List<PendingTrace> unembedded(int limit) {
        return graph.query(UNEMBEDDED, Map.of("limit", limit)).stream().map(ExperienceRepository::pendingTrace).toList();
    }

    /** A trace's candidate texts and their embeddings ({@code vectors} parallel to {@code texts}). */
    public record CandidateRow(String traceId, List<String> texts, List<float[]> vectors) {
    }

    public void setCandidateEmbeddings(List<CandidateRow> traces, String model) {
        List<Map<String, Object>> rows = new ArrayList<>(traces.size());
        for (CandidateRow t : traces) {
            int dimensions = t.vectors().isEmpty() ? 0 : t.vectors().get(0).length;
            float[] flat = new float[dimensions * t.vectors().size()];
            for (int i = 0; i < t.vectors().size(); i++) {
                System.arraycopy(t.vectors().get(i), 0, flat, i * dimensions, dimensions);
            }
            rows.add(Map.of("traceId", t.traceId(), "texts", t.texts(), "vectors", flat));
        }
        graph.execute(SET_CANDIDATE_EMBEDDINGS, Map.of("rows", rows, "model", model));
    }

    /**
     * Takes a trace out of the feed in the caller's transaction and says whether this transaction was the one to do it.
     * The lock is taken before the label is read, so of two transactions claiming the same trace the second waits
     * for the first and then sees the label gone.
     */
    public boolean claim(TransactionContext tx, String traceId) {
        tx.run(LOCK_TRACE, Map.of("id", traceId)).consume();
        return tx.run(CLAIM, Map.of("id", traceId)).single().get("claimed").asLong() > 0;
    }


    /** Counts a failed attempt; true when the trace was taken out of the feed. */
    public boolean curationFailed(String traceId, String error, int maxAttempts) {
        return graph.write(tx -> tx.run(CURATION_FAILED, Map.of("id", traceId, "error", error, "max", maxAttempts)).single()
                .get("parked").asLong() > 0);
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

    public record Recorded(boolean task, boolean code, boolean lesson) {
    }

    public Recorded recorded(String taskId, String text, String code) {
        Record r = graph.query(RECORDED, Map.of("taskId", taskId, "text", text, "code", code)).get(0);
        return new Recorded(r.get("task").asBoolean(), r.get("code").asBoolean(), r.get("lesson").asBoolean());
    }

    /** Ids of the traces recorded by agents whose id starts with {@code prefix}, one row per stored trace. */
    public List<String> traceIdsOfAgents(String prefix) {
        return graph.query(TRACES_OF_AGENTS, Map.of("prefix", prefix)).stream().map(r -> r.get("id").asString()).toList();
    }

    /** Deletes up to {@code batch} experience nodes in one transaction; returns how many. */
    public long forgetBatch(int batch) {
        return graph.write(tx -> tx.run(FORGET_BATCH, Map.of("batch", batch)).single().get("deleted").asLong());
    }

    private static PendingTrace pendingTrace(Record r) {
        Value embedding = r.get("taskEmbedding");
        float[] vector = null;
        if (!embedding.isNull()) {
            List<Float> values = embedding.asList(Value::asFloat);
            vector = new float[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = values.get(i);
            }
        }
        return new PendingTrace(r.get("traceId").asString(), r.get("agentId").asString(), r.get("space").asString(TraceInput.COMMONS),
                r.get("taskId").asString(), r.get("taskText").asString(), vector, Outcome.valueOf(r.get("outcome").asString()),
                r.get("attempt").asString(null), r.get("error").asString(null), r.get("failure").asString(null),
                r.get("apis").asList(Value::asString), r.get("lessons").asList(Value::asString),
                r.get("recommendation").asString(null), r.get("rating").isNull() ? null : r.get("rating").asInt(),
                r.get("cited").asList(Value::asString), r.get("createdAt").asZonedDateTime(), candidateEmbeddings(r));
    }

    private static PendingTrace.CandidateEmbeddings candidateEmbeddings(Record r) {
        List<String> texts = r.get("candidateTexts").asList(Value::asString);
        Value flat = r.get("candidateVectors");
        if (texts.isEmpty() || r.get("candidateModel").isNull() || flat.size() % texts.size() != 0) {
            return PendingTrace.CandidateEmbeddings.NONE;
        }
        int dimensions = flat.size() / texts.size();
        Map<String, float[]> byText = new HashMap<>();
        for (int t = 0; t < texts.size(); t++) {
            float[] vector = new float[dimensions];
            for (int i = 0; i < dimensions; i++) {
                vector[i] = flat.get(t * dimensions + i).asFloat();
            }
            byText.put(texts.get(t), vector);
        }
        return new PendingTrace.CandidateEmbeddings(r.get("candidateModel").asString(), byText);
    }
}
