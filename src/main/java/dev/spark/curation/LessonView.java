package dev.spark.curation;

import java.util.List;

/**
 * A lesson as an auditor sees it: what it says, where it stands, where it came from and every decision about it.
 *
 * @param provenance the traces it and its merged duplicates were learned from (a fix's failed attempt has role {@code failure})
 * @param mergedInto  for a merged duplicate, the canonical lesson it points at
 * @param suggestions merge suggestions to or from this lesson, pending or reviewed
 */
public record LessonView(String id, String text, String kind, String status, double trust, long support, long agents,
                         long helpful, long unhelpful, boolean contested, String space, List<String> apis,
                         String quarantineReason, String createdAt, Cluster cluster, String mergedInto,
                         List<Provenance> provenance, List<LessonSummary> duplicates, List<DecisionView> decisions,
                         List<Suggestion> suggestions) {

    public record Cluster(String id, String label, long size) {
    }

    public record Provenance(String traceId, String lessonId, String agent, String taskText, String outcome, String role,
                             String createdAt) {
    }

    /** A possible merge with another lesson: {@code PENDING} review, {@code ACCEPTED} (merged) or {@code REJECTED}. */
    public record Suggestion(String lesson, String text, double similarity, String status, String reason, String at) {
    }

    /** A decision about the lesson, or about a duplicate merged into it ({@code lesson} names which). */
    public record DecisionView(String action, String reason, String at, String runId, String trigger, String lesson) {
    }
}
