package dev.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * How many nodes of each label and relationships of each type the graph holds once pending writes have
 * committed. Two snapshots around a rejected request must be equal: a bad input stores nothing, not even later.
 */
public record StoredCounts(Map<String, Long> nodes, Map<String, Long> relationships) {

    /** Every label Spark writes, counted even when absent so that the first node of a kind shows as a change. */
    public static final List<String> LABELS = List.of(
            "Space", "Agent", "Task", "Trace", "Uncurated", "FailurePattern", "Api", "Doc", "Library", "Recommendation",
            "Lesson", "LessonCluster", "CurationRun", "CurationLease");

    public static StoredCounts of(Graph graph, WriteBehind writes) {
        writes.flush();
        Map<String, Long> nodes = new TreeMap<>();
        LABELS.forEach(label -> nodes.put(label, 0L));
        graph.query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n", Map.of())
                .forEach(r -> nodes.put(r.get("label").asString(), r.get("n").asLong()));
        Map<String, Long> relationships = new TreeMap<>();
        graph.query("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n", Map.of())
                .forEach(r -> relationships.put(r.get("type").asString(), r.get("n").asLong()));
        return new StoredCounts(nodes, relationships);
    }

    /** Sends a request that must be rejected, asserts that it changed no count, and returns its answer. */
    public static <T> T unchangedBy(Graph graph, WriteBehind writes, Supplier<T> request) {
        StoredCounts before = of(graph, writes);
        T answer = request.get();
        assertThat(of(graph, writes)).as("nodes and relationships after %s", answer).isEqualTo(before);
        return answer;
    }
}
