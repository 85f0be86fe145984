package dev.spark.experience;

import dev.spark.graph.Graph;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * The traces curation has not seen yet. A trace is pending exactly while it carries the label {@code Uncurated},
 * which {@link TraceRecorder} sets in the transaction that creates it: no timestamp watermark, so a trace that
 * commits late is never skipped.
 */
@Service
public class TraceFeed {

    private static final String PENDING = """
            MATCH (tr:Trace:Uncurated)
            WITH tr ORDER BY tr.createdAt, tr.id LIMIT $limit
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
                   apis, coalesce(tr.lessons, []) AS lessons, recommendation, rating, cited, tr.createdAt AS createdAt
            ORDER BY tr.createdAt, tr.id""";

    private static final String CURATED = """
            UNWIND $ids AS id
            MATCH (tr:Trace {id: id})
            REMOVE tr:Uncurated""";

    private final Graph graph;

    public TraceFeed(Graph graph) {
        this.graph = graph;
    }

    /** Up to {@code limit} pending traces, oldest first. */
    public List<PendingTrace> pending(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return graph.query(PENDING, Map.of("limit", limit)).stream().map(TraceFeed::pendingTrace).toList();
    }

    /** Marks traces as curated in the caller's transaction, so that they leave the feed when its work commits. */
    public void markCurated(TransactionContext tx, Collection<String> traceIds) {
        tx.run(CURATED, Map.of("ids", List.copyOf(traceIds))).consume();
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
                r.get("cited").asList(Value::asString), r.get("createdAt").asZonedDateTime());
    }
}
