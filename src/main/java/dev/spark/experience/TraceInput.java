package dev.spark.experience;

import dev.spark.validation.InputName;
import dev.spark.validation.Inputs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A trace as an agent reports it. The annotations are its limits, checked by {@link #validated()}; the GraphQL
 * schema states the same ones. Errors name the fields as GraphQL does ({@code agent.id}, {@code lessons[2]}).
 *
 * @param agentId          who tried: letters, digits and {@code . _ : @ / -}
 * @param agentModel       the model behind the agent, optional
 * @param task             the task that was attempted
 * @param attempt          the code that was tried
 * @param outcome          how it ended
 * @param error            error output, optional
 * @param feedback         free text, e.g. what a developer told the agent, optional
 * @param lessons          lessons the agent wrote itself, optional
 * @param followed         the recommendation the agent followed and its rating, optional
 * @param space            the team memory the trace belongs to; {@code commons} when absent
 */
public record TraceInput(
        @InputName("agent.id") @NotBlank @Size(max = MAX_AGENT_ID)
        @Pattern(regexp = AGENT_ID, message = "may hold only letters, digits and . _ : @ / -") String agentId,
        @InputName("agent.model") @Size(max = MAX_MODEL) String agentModel,
        @NotNull TaskInput task,
        @NotBlank @Size(max = MAX_ATTEMPT) String attempt,
        @NotNull(message = "is required: SUCCESS, FAILURE or PARTIAL") Outcome outcome,
        @Size(max = MAX_ERROR) String error,
        @Size(max = MAX_FEEDBACK) String feedback,
        @Size(max = MAX_LESSONS) List<@NotBlank @Size(max = MAX_LESSON) String> lessons,
        @Valid Followed followed,
        @Size(max = MAX_SPACE) @Pattern(regexp = SPACE, message = "must be a lower-case name") String space) {

    public static final int MAX_AGENT_ID = 128;
    public static final int MAX_MODEL = 128;
    public static final int MAX_ATTEMPT = 50_000;
    public static final int MAX_ERROR = 20_000;
    public static final int MAX_FEEDBACK = 10_000;
    public static final int MAX_LESSONS = 10;
    public static final int MAX_LESSON = 2_000;
    public static final int MAX_SPACE = 64;
    public static final String COMMONS = "commons";

    private static final String AGENT_ID = "[A-Za-z0-9._:@/-]+";
    private static final String SPACE = "[a-z0-9][a-z0-9_-]*";

    /** The recommendation an agent followed, and how useful it was. */
    public record Followed(
            @NotBlank @Size(max = MAX_RECOMMENDATION_ID) String recommendationId,
            @Min(MIN_RATING) @Max(MAX_RATING) int rating) {

        public static final int MAX_RECOMMENDATION_ID = 64;
        public static final int MIN_RATING = 1;
        public static final int MAX_RATING = 5;
    }

    public TraceInput {
        lessons = lessons == null ? List.of() : lessons;
    }

    /**
     * Checks every field, the task's under {@code task}. Returns the trace with agent id, attempt, lessons and
     * task text stripped, and the space defaulted to {@code commons}.
     */
    public TraceInput validated() {
        String spaceId = space == null || space.isBlank() ? COMMONS : space.strip();
        TraceInput stripped = new TraceInput(Inputs.strip(agentId), agentModel, task, Inputs.strip(attempt), outcome,
                error, feedback, Inputs.stripEach(lessons), followed, spaceId);
        Inputs.validate(stripped);
        return new TraceInput(stripped.agentId, agentModel, task.validated("task"), stripped.attempt, outcome, error,
                feedback, stripped.lessons, followed, spaceId);
    }
}
