package dev.spark.api;

import dev.spark.access.Caller;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceReceipt;
import dev.spark.experience.TraceRecorder;
import dev.spark.recommend.Recipe;
import dev.spark.recommend.RecommendQuery;
import dev.spark.recommend.Recommendation;
import dev.spark.recommend.RetrievalAgent;
import dev.spark.validation.InvalidInputException;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for agents: report a trace, ask for a recommendation. */
@Controller
class ExperienceController {

    private final TraceRecorder recorder;
    private final RetrievalAgent agent;

    ExperienceController(TraceRecorder recorder, RetrievalAgent agent) {
        this.recorder = recorder;
        this.agent = agent;
    }

    /** With an API key, the trace is the key's agent's, in the key's space; an argument claiming others is refused. */
    @MutationMapping
    TraceReceipt recordTrace(@Argument TraceArgument trace, @ContextValue Caller caller) {
        if (trace.agent() == null) {
            throw new InvalidInputException("agent", "is required");
        }
        String agentId = caller.agent(trace.agent().id(), "agent.id");
        String space = caller.space(trace.space(), "space");
        TraceInput.Followed followed = trace.followed() == null ? null
                : new TraceInput.Followed(trace.followed().recommendationId(), trace.followed().rating());
        return recorder.record(new TraceInput(agentId, trace.agent().model(), trace.task(), trace.attempt(),
                trace.outcome(), trace.error(), trace.feedback(), trace.lessons(), followed, space));
    }

    /** Experience is served from the caller's space (the key's, or the one named without auth) and commons. */
    @QueryMapping
    Recommendation recommend(@Argument TaskInput task, @Argument String agentId, @Argument Integer k, @Argument Recipe recipe,
                             @Argument String space, @ContextValue Caller caller) {
        return agent.recommend(new RecommendQuery(task, caller.agent(agentId, "agentId"), k == null ? 8 : k, recipe,
                caller.readSpace(space, "space").orElse(null)));
    }

    @SchemaMapping(typeName = "Recommendation", field = "timings")
    List<StageTiming> timings(Recommendation recommendation) {
        return recommendation.stageMicros().entrySet().stream().map(e -> new StageTiming(e.getKey(), e.getValue())).toList();
    }

    record StageTiming(String stage, long micros) {
    }

    record AgentArgument(String id, String model) {
    }

    record FollowedArgument(String recommendationId, int rating) {
    }

    record TraceArgument(AgentArgument agent, TaskInput task, String attempt, Outcome outcome, String error,
                         String feedback, List<String> lessons, FollowedArgument followed, String space) {
    }
}
