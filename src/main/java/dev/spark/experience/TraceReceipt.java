package dev.spark.experience;

import java.util.List;

/**
 * What {@link TraceRecorder#record} stored.
 *
 * @param redactions       secrets replaced in the trace's text before storage
 * @param apis             qualified APIs found in the attempt and code context (USED edges)
 * @param failurePattern   signature of the failure pattern the error was filed under, or null
 * @param lessonIds        lessons created from the agent's own lessons
 * @param quarantined      how many of those were quarantined instead of served
 */
public record TraceReceipt(String traceId, String taskId, int redactions, List<String> apis, String failurePattern,
                           List<String> lessonIds, int quarantined) {
}
