package dev.spark.experience;

import java.util.List;

/**
 * What {@link TraceRecorder#record} stored.
 *
 * @param redactions       secrets replaced in the trace's text before storage
 * @param apis             qualified APIs found in the attempt and code context (USED edges)
 * @param failurePattern   signature of the failure pattern the error was filed under, or null
 * @param lessonIds        always empty: the agent's lessons are kept on the trace and become Lesson nodes when
 *                         curation has screened and merged them (see the {@code curate} operation)
 * @param quarantined      always 0, for the same reason: curation quarantines
 */
public record TraceReceipt(String traceId, String taskId, int redactions, List<String> apis, String failurePattern,
                           List<String> lessonIds, int quarantined) {
}
