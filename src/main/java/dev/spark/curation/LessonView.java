package dev.spark.curation;

import java.util.List;

/**
 * A lesson as an auditor sees it: what it says, where it stands, where it came from and every decision about it.
 *
 * @param provenance the traces it and its merged duplicates were learned from (a fix's failed attempt has role {@code failure})
 * @param mergedInto for a merged duplicate, the canonical lesson it points at
 */
public record LessonView(String id, String text, String kind, String status, double trust, long support, long agents,
                         long helpful, long unhelpful, boolean contested, String space, List<String> apis,
                         String quarantineReason, String createdAt, Cluster cluster, String mergedInto,
                         List<Provenance> provenance, List<LessonSummary> duplicates, List<DecisionView> decisions) {

    public record Cluster(String id, String label, long size) {
    }

    public record Provenance(String traceId, String lessonId, String agent, String taskText, String outcome, String role,
                             String createdAt) {
    }

    public record DecisionView(String action, String reason, String at, String runId, String trigger) {
    }
}
