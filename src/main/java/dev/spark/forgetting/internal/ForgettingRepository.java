package dev.spark.forgetting.internal;

import dev.spark.graph.Graph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement of the forgetting module: its audit records ({@code Forgetting} nodes, which hold counts and
 * a hash of the subject, never content) and the API keys of a forgotten space.
 */
// a plain component, not @Repository: exception translation would hide the driver's transient exceptions
@Component
public class ForgettingRepository {

    private static final String FIELDS = """
            f {.id, .kind, .subjectHash, .status, .requestedBy, .runId, .traces, .tasks, .failurePatterns, .recommendations,
               .lessonsRetired, .lessonsRederived, .lessonDuplicatesDeleted, .lessonsRecounted, .apis, .agents, .spaces, .apiKeys,
               startedAt: toString(f.startedAt), finishedAt: toString(f.finishedAt)} AS f""";

    private static final String OF_SUBJECT = """
            MATCH (f:Forgetting {subjectHash: $hash}) WHERE f.kind = $kind
            RETURN %s
            ORDER BY f.startedAt DESC""".formatted(FIELDS);

    private static final String BY_ID = "MATCH (f:Forgetting {id: $id}) RETURN " + FIELDS;

    private static final String OPEN = """
            MERGE (f:Forgetting {id: $id})
              ON CREATE SET f.kind = $kind, f.subjectHash = $hash, f.requestedBy = $requestedBy, f.runId = $runId,
                            f.status = 'RUNNING', f.startedAt = datetime(), f.traces = 0, f.tasks = 0, f.failurePatterns = 0,
                            f.recommendations = 0, f.lessonsRetired = 0, f.lessonsRederived = 0, f.lessonDuplicatesDeleted = 0,
                            f.lessonsRecounted = 0, f.apis = 0, f.agents = 0, f.spaces = 0, f.apiKeys = 0""";

    private static final String ADD = """
            MATCH (f:Forgetting {id: $id})
            SET f.traces = f.traces + $c.traces, f.tasks = f.tasks + $c.tasks, f.failurePatterns = f.failurePatterns + $c.failurePatterns,
                f.recommendations = f.recommendations + $c.recommendations, f.lessonsRetired = f.lessonsRetired + $c.lessonsRetired,
                f.lessonsRederived = f.lessonsRederived + $c.lessonsRederived,
                f.lessonDuplicatesDeleted = f.lessonDuplicatesDeleted + $c.lessonDuplicatesDeleted,
                f.lessonsRecounted = f.lessonsRecounted + $c.lessonsRecounted, f.apis = f.apis + $c.apis,
                f.agents = f.agents + $c.agents, f.spaces = f.spaces + $c.spaces, f.apiKeys = f.apiKeys + $c.apiKeys""";

    private static final String COMPLETE = """
            MATCH (f:Forgetting {id: $id})
            SET f.status = 'COMPLETED', f.finishedAt = datetime()""";

    /**
     * API keys bound to a forgotten space. The label belongs to whichever module issues keys; where none exist, the
     * statement matches nothing.
     */
    private static final String DELETE_API_KEYS = """
            MATCH (k:ApiKey) WHERE k.space = $space
            DETACH DELETE k
            RETURN count(*) AS deleted""";

    /** Counts of one step, added to the record. */
    public record Counts(long traces, long tasks, long failurePatterns, long recommendations, long lessonsRetired,
                         long lessonsRederived, long lessonDuplicatesDeleted, long lessonsRecounted, long apis, long agents,
                         long spaces, long apiKeys) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Map<String, Object> parameter() {
            Map<String, Object> map = new HashMap<>();
            map.put("traces", traces);
            map.put("tasks", tasks);
            map.put("failurePatterns", failurePatterns);
            map.put("recommendations", recommendations);
            map.put("lessonsRetired", lessonsRetired);
            map.put("lessonsRederived", lessonsRederived);
            map.put("lessonDuplicatesDeleted", lessonDuplicatesDeleted);
            map.put("lessonsRecounted", lessonsRecounted);
            map.put("apis", apis);
            map.put("agents", agents);
            map.put("spaces", spaces);
            map.put("apiKeys", apiKeys);
            return map;
        }
    }

    /** An audit record as stored. */
    public record Audit(String id, String kind, String subjectHash, String status, String requestedBy, String runId,
                        String startedAt, String finishedAt, Counts counts) {

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    private final Graph graph;

    public ForgettingRepository(Graph graph) {
        this.graph = graph;
    }

    /** The records of one subject, newest first. */
    public List<Audit> ofSubject(String kind, String hash) {
        return graph.query(OF_SUBJECT, Map.of("kind", kind, "hash", hash)).stream().map(r -> audit(r.get("f"))).toList();
    }

    public Optional<Audit> byId(TransactionContext tx, String id) {
        return tx.run(BY_ID, Map.of("id", id)).list(r -> audit(r.get("f"))).stream().findFirst();
    }

    public void open(TransactionContext tx, String id, String kind, String hash, String requestedBy, String runId) {
        tx.run(OPEN, Map.of("id", id, "kind", kind, "hash", hash, "requestedBy", requestedBy, "runId", runId)).consume();
    }

    public void add(TransactionContext tx, String id, Counts counts) {
        tx.run(ADD, Map.of("id", id, "c", counts.parameter())).consume();
    }

    public void complete(TransactionContext tx, String id) {
        tx.run(COMPLETE, Map.of("id", id)).consume();
    }

    public long deleteApiKeys(TransactionContext tx, String space) {
        return tx.run(DELETE_API_KEYS, Map.of("space", space)).single().get("deleted").asLong();
    }

    private static Audit audit(Value f) {
        return new Audit(f.get("id").asString(), f.get("kind").asString(), f.get("subjectHash").asString(), f.get("status").asString(),
                f.get("requestedBy").asString(null), f.get("runId").asString(null), f.get("startedAt").asString(null),
                f.get("finishedAt").asString(null), new Counts(f.get("traces").asLong(0), f.get("tasks").asLong(0),
                f.get("failurePatterns").asLong(0), f.get("recommendations").asLong(0), f.get("lessonsRetired").asLong(0),
                f.get("lessonsRederived").asLong(0), f.get("lessonDuplicatesDeleted").asLong(0), f.get("lessonsRecounted").asLong(0),
                f.get("apis").asLong(0), f.get("agents").asLong(0), f.get("spaces").asLong(0), f.get("apiKeys").asLong(0)));
    }
}
