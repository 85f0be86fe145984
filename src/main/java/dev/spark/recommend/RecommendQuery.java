package dev.spark.recommend;

import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.validation.Inputs;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request for advice. The annotations and those of {@link TaskInput} are its limits. */
public record RecommendQuery(
        @NotNull TaskInput task,
        @Size(max = TraceInput.MAX_AGENT_ID) String agentId,
        @Min(1) @Max(MAX_K) int k,
        Recipe recipe) {

    public static final int MAX_K = 50;

    /** Checks every field, the task's under {@code task}; a missing recipe becomes {@link Recipe#FULL}. */
    public RecommendQuery validated() {
        Inputs.validate(this);
        return new RecommendQuery(task.validated("task"), agentId, k, recipe == null ? Recipe.FULL : recipe);
    }
}
