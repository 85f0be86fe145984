package dev.spark.recommend;

import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.validation.Inputs;
import java.util.List;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request for advice. The annotations and those of {@link TaskInput} are its limits.
 *
 * @param space the caller's space: experience (lessons, worked examples, pitfalls) is served only from it and
 *              {@code commons}; null serves every space (no space known)
 */
public record RecommendQuery(
        @NotNull TaskInput task,
        @Size(max = TraceInput.MAX_AGENT_ID) String agentId,
        @Min(1) @Max(MAX_K) int k,
        Recipe recipe,
        @Size(max = TraceInput.MAX_SPACE) @Pattern(regexp = SPACE, message = "must be a lower-case name") String space) {

    public static final int MAX_K = 50;
    private static final String SPACE = "[a-z0-9][a-z0-9_-]*";

    /** A query that is served from every space. */
    public RecommendQuery(TaskInput task, String agentId, int k, Recipe recipe) {
        this(task, agentId, k, recipe, null);
    }

    /** Checks every field, the task's under {@code task}; a missing recipe becomes {@link Recipe#FULL}. */
    public RecommendQuery validated() {
        Inputs.validate(this);
        return new RecommendQuery(task.validated("task"), agentId, k, recipe == null ? Recipe.FULL : recipe, space);
    }

    /** The spaces whose experience may be served: the query's and commons, or null for all. */
    public List<String> visibleSpaces() {
        return space == null ? null : space.equals(TraceInput.COMMONS) ? List.of(space) : List.of(space, TraceInput.COMMONS);
    }
}
