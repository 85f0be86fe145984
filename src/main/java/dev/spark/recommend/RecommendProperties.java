package dev.spark.recommend;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Weights of the retrieval paths in weighted reciprocal-rank fusion (weight / (rrfK + rank)), and the limits of
 * the graph walks. Documentation paths use the weights of documentation search ({@code spark.search.*}). A worked example from a similar task
 * is the most specific evidence there is: its weight (times the task similarity) is set to outweigh all the
 * paths a lesson can be found by together (embedding, full text, similar task, API walk), so the code that
 * worked comes first and the lessons about it follow. A failure on a similar task weighs more than both
 * documentation paths together, so the pitfall is shown ahead of generic documentation.
 *
 * @param apiWalkWeight      lessons and failures of the APIs that the best documentation hits document
 * @param namedApiWeight     lessons and failures of an API the task's own code calls: the most direct warning
 *                           there is, so it outweighs the documentation paths
 * @param minTaskSimilarity  cosine similarity a past task needs to count as similar
 * @param intentLibraryBoost factor on documentation of a library the task names or imports (when the task is not
 *                           routed to one library)
 * @param routedLibraryBoost factor on documentation of the one library the task is routed to (its imports and calls;
 *                           the most specialised library it uses): strong enough that another library's page comes
 *                           first only when the embedding ranks it far ahead
 * @param namedApiDocBoost   factor on a reference page whose API's own name the task spells ({@code groupby},
 *                           {@code MinMaxScaler})
 * @param siblingBoost       factor on a reference page of a class or module that two or more of the five best pages
 *                           document members of: neighbouring pages reinforce each other
 * @param lessonDocWeight    documentation of the APIs a lesson found by embedding applies to, times the lesson's
 *                           similarity to the task: what a lesson teaches also points at the pages to read
 * @param maxExperienceShare share of a recommendation's items that lessons, worked examples and pitfalls may take
 *                           while documentation is there to fill the rest
 */
@ConfigurationProperties("spark.recommend")
public record RecommendProperties(
        @DefaultValue("1.0") double lessonWeight,
        @DefaultValue("5.0") double exampleWeight,
        @DefaultValue("1.5") double experienceDocWeight,
        @DefaultValue("2.0") double pitfallWeight,
        @DefaultValue("0.8") double apiWalkWeight,
        @DefaultValue("1.5") double namedApiWeight,
        @DefaultValue("60") int rrfK,
        @DefaultValue("40") int candidates,
        @DefaultValue("5") int similarTasks,
        @DefaultValue("0.8") double minTaskSimilarity,
        @DefaultValue("1.2") double intentLibraryBoost,
        @DefaultValue("3.0") double routedLibraryBoost,
        @DefaultValue("1.2") double namedApiDocBoost,
        @DefaultValue("1.2") double siblingBoost,
        @DefaultValue("1.0") double lessonDocWeight,
        @DefaultValue("0.3") double maxExperienceShare) {
}
