package dev.spark.experience;

import dev.spark.ai.EmbeddingModelChoice;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * @param candidateEmbeddings  the texts of {@link CandidateTexts} the backfill has embedded already
 */
public record PendingTrace(String traceId, String agentId, String space, String taskId, String taskText,
                           float[] taskEmbedding, Outcome outcome, String attempt, String error, String failureSignature,
                           List<String> apis, List<String> lessons, String followedRecommendationId, Integer rating,
                           List<String> citedLessonIds, ZonedDateTime createdAt, CandidateEmbeddings candidateEmbeddings) {

    public PendingTrace {
        apis = List.copyOf(apis);
        lessons = List.copyOf(lessons);
        citedLessonIds = List.copyOf(citedLessonIds);
        candidateEmbeddings = candidateEmbeddings == null ? CandidateEmbeddings.NONE : candidateEmbeddings;
    }

    public PendingTrace(String traceId, String agentId, String space, String taskId, String taskText, float[] taskEmbedding,
                        Outcome outcome, String attempt, String error, String failureSignature, List<String> apis,
                        List<String> lessons, String followedRecommendationId, Integer rating, List<String> citedLessonIds,
                        ZonedDateTime createdAt) {
        this(traceId, agentId, space, taskId, taskText, taskEmbedding, outcome, attempt, error, failureSignature, apis, lessons,
                followedRecommendationId, rating, citedLessonIds, createdAt, CandidateEmbeddings.NONE);
    }

    /**
     * Passage embeddings of a trace's candidate texts, made by the backfill with the model {@code model}.
     */
    public record CandidateEmbeddings(String model, Map<String, float[]> byText) {

        public static final CandidateEmbeddings NONE = new CandidateEmbeddings(null, Map.of());

        public CandidateEmbeddings {
            byText = Map.copyOf(byText);
        }

        /** The embedding of exactly this text by this model or other weights of its vector space, if the backfill made one. */
        public Optional<float[]> of(String text, String modelName) {
            return EmbeddingModelChoice.sameVectorSpace(modelName, model) ? Optional.ofNullable(byText.get(text)) : Optional.empty();
        }
    }
}
