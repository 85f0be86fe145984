package dev.spark.recommend;

import dev.spark.experience.TaskInput;
import dev.spark.validation.Check;

/**
 * A request for advice. Limits: those of {@link TaskInput}; agentId up to 128 characters; k 1-50.
 */
public record RecommendQuery(TaskInput task, String agentId, int k, Recipe recipe) {

    public static final int MAX_K = 50;

    public RecommendQuery validated() {
        if (task == null) {
            throw new dev.spark.validation.InvalidInputException("task", "is required");
        }
        return new RecommendQuery(task.validated("task"), Check.optionalText("agentId", agentId, 128),
                Check.range("k", k, 1, MAX_K), recipe == null ? Recipe.FULL : recipe);
    }
}
