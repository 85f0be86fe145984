package dev.spark.experience;

import java.util.List;

/**
 * Published once a trace has committed, for whatever reacts to new experience (curation, statistics). Nothing is
 * published for a trace that was rejected or rolled back.
 *
 * @param apis                     qualified APIs the attempt used
 * @param failureSignature         the failure pattern the error was filed under, or null
 * @param lessonIds                always empty: the agent's lessons stay on the trace as text and become Lesson
 *                                 nodes when curation reads the trace
 * @param followedRecommendationId the recommendation the agent followed, or null
 * @param rating                   its rating (1-5), or null when none was followed
 */
public record TraceRecorded(String traceId, String taskId, String agentId, String space, Outcome outcome, List<String> apis,
                            String failureSignature, List<String> lessonIds, String followedRecommendationId, Integer rating) {

    public TraceRecorded {
        apis = List.copyOf(apis);
        lessonIds = List.copyOf(lessonIds);
    }
}
