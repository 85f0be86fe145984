package dev.spark.experience;

import dev.spark.validation.Check;
import dev.spark.validation.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A trace as an agent reports it. Limits are checked by {@link #validated()} and stated in the GraphQL schema.
 *
 * @param agentId          who tried (1-128 characters: letters, digits and {@code . _ : @ / -})
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
public record TraceInput(String agentId, String agentModel, TaskInput task, String attempt, Outcome outcome,
                         String error, String feedback, List<String> lessons, Followed followed, String space) {

    public static final int MAX_AGENT_ID = 128;
    public static final int MAX_MODEL = 128;
    public static final int MAX_ATTEMPT = 50_000;
    public static final int MAX_ERROR = 20_000;
    public static final int MAX_FEEDBACK = 10_000;
    public static final int MAX_LESSONS = 10;
    public static final int MAX_LESSON = 2_000;
    public static final String COMMONS = "commons";

    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._:@/-]+");
    private static final Pattern SPACE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** The recommendation an agent followed, and how useful it was (1-5). */
    public record Followed(String recommendationId, int rating) {
    }

    public TraceInput {
        lessons = lessons == null ? List.of() : lessons;
    }

    public TraceInput validated() {
        String agent = Check.text("agent.id", agentId, MAX_AGENT_ID);
        if (!AGENT_ID.matcher(agent).matches()) {
            throw new InvalidInputException("agent.id", "may hold only letters, digits and . _ : @ / -");
        }
        if (task == null) {
            throw new InvalidInputException("task", "is required");
        }
        if (outcome == null) {
            throw new InvalidInputException("outcome", "is required: SUCCESS, FAILURE or PARTIAL");
        }
        Check.size("lessons", lessons, 0, MAX_LESSONS);
        for (int i = 0; i < lessons.size(); i++) {
            Check.text("lessons[" + i + "]", lessons.get(i), MAX_LESSON);
        }
        if (followed != null) {
            Check.text("followed.recommendationId", followed.recommendationId(), 64);
            Check.range("followed.rating", followed.rating(), 1, 5);
        }
        String spaceId = space == null || space.isBlank() ? COMMONS : space.strip();
        if (!SPACE.matcher(spaceId).matches()) {
            throw new InvalidInputException("space", "must be a lower-case name of at most 64 characters");
        }
        return new TraceInput(agent, Check.optionalText("agent.model", agentModel, MAX_MODEL), task.validated("task"),
                Check.text("attempt", attempt, MAX_ATTEMPT), outcome, Check.optionalText("error", error, MAX_ERROR),
                Check.optionalText("feedback", feedback, MAX_FEEDBACK), lessons.stream().map(String::strip).toList(),
                followed, spaceId);
    }
}
