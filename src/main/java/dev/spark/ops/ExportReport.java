package dev.spark.ops;

import java.util.Map;

/**
 * What an export wrote.
 *
 * @param nodes         node lines, per label
 * @param relationships relationship lines, per type
 * @param skipped       what was left out because it is not part of Spark's memory (labels and types written by
 *                      hand, the curation lease), with counts
 * @param bytes         size of the output
 */
public record ExportReport(Map<String, Long> nodes, Map<String, Long> relationships, Map<String, Long> skipped, long bytes,
                           long elapsedMs) {

    public ExportReport {
        nodes = Map.copyOf(nodes);
        relationships = Map.copyOf(relationships);
        skipped = Map.copyOf(skipped);
    }

    public long nodeCount() {
        return nodes.values().stream().mapToLong(Long::longValue).sum();
    }

    public long relationshipCount() {
        return relationships.values().stream().mapToLong(Long::longValue).sum();
    }

    public String summary() {
        return String.format("Exported %d nodes and %d relationships (%.1f MB) in %.1f s%s", nodeCount(), relationshipCount(),
                bytes / 1e6, elapsedMs / 1000.0, skipped.isEmpty() ? "" : "; left out: " + skipped);
    }
}
