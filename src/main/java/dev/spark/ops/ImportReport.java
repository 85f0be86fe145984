package dev.spark.ops;

import java.util.Map;

/**
 * What an import loaded.
 *
 * @param nodes         node lines read, per label
 * @param relationships relationship lines read, per type
 * @param created       nodes created (less than the node lines when merging into a database that had some of them)
 */
public record ImportReport(Map<String, Long> nodes, Map<String, Long> relationships, long created, long elapsedMs) {

    public ImportReport {
        nodes = Map.copyOf(nodes);
        relationships = Map.copyOf(relationships);
    }

    public long nodeCount() {
        return nodes.values().stream().mapToLong(Long::longValue).sum();
    }

    public long relationshipCount() {
        return relationships.values().stream().mapToLong(Long::longValue).sum();
    }

    public String summary() {
        return String.format("Imported %d nodes (%d created) and %d relationships in %.1f s", nodeCount(), created,
                relationshipCount(), elapsedMs / 1000.0);
    }
}
