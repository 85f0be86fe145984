package dev.spark.experience;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A trace that curation has not seen yet, with what curation needs to learn from it.
 *
 * @param taskEmbedding        the task's embedding, or null when the backfill has not reached it yet
 * @param failureSignature     signature of the failure pattern the trace hit, or null
 * @param apis                 qualified APIs the attempt used, sorted
 * @param lessons              the agent's own lessons, redacted, as it wrote them
 * @param followedRecommendationId the recommendation the agent followed, or null
 * @param rating               its rating (1-5), or null
 * @param citedLessonIds       the lessons that recommendation cited
 */
public record PendingTrace(String traceId, String agentId, String space, String taskId, String taskText,
                           float[] taskEmbedding, Outcome outcome, String attempt, String error, String failureSignature,
                           List<String> apis, List<String> lessons, String followedRecommendationId, Integer rating,
                           List<String> citedLessonIds, ZonedDateTime createdAt) {

    public PendingTrace {
        apis = List.copyOf(apis);
        lessons = List.copyOf(lessons);
        citedLessonIds = List.copyOf(citedLessonIds);
    }
}
