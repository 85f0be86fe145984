package dev.spark.api;

import dev.spark.access.Caller;
import dev.spark.access.Role;
import dev.spark.curation.CurationAlreadyRunningException;
import dev.spark.forgetting.ForgetKind;
import dev.spark.forgetting.ForgetReport;
import dev.spark.forgetting.ForgetSubjectNotFoundException;
import dev.spark.forgetting.Forgetting;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for forgetting on request, and for the auditor's question whether something was forgotten. With API keys,
 * an agent may forget its own traces and itself; everything else here needs an admin key.
 */
@Controller
class ForgettingController {

    /** The channel recorded as {@code requestedBy} on the audit record. */
    private static final String CHANNEL = "api";

    private final Forgetting forgetting;

    ForgettingController(Forgetting forgetting) {
        this.forgetting = forgetting;
    }

    /** An agent key forgets only traces its own agent recorded in its space; an admin key any trace. */
    @MutationMapping
    ForgetReport forgetTrace(@Argument String id, @ContextValue Caller caller) {
        if (caller.authenticated() && caller.role() != Role.ADMIN) {
            return forgetting.forgetOwnTrace(id, caller.agentId(), caller.space(), CHANNEL);
        }
        return forgetting.forgetTrace(id, CHANNEL);
    }

    /** An agent key forgets only its own agent. */
    @MutationMapping
    ForgetReport forgetAgent(@Argument String id, @ContextValue Caller caller) {
        return forgetting.forgetAgent(caller.role() == Role.ADMIN ? id : caller.agent(id, "id"), CHANNEL);
    }

    /** A whole space spans teams' agents and keys: admin only ({@link dev.spark.access.AccessPolicy}). */
    @MutationMapping
    ForgetReport forgetSpace(@Argument String id) {
        return forgetting.forgetSpace(id, CHANNEL);
    }

    @QueryMapping
    ForgetReport forgotten(@Argument ForgetKind kind, @Argument String id) {
        return forgetting.find(kind, id).orElse(null);
    }

    @GraphQlExceptionHandler
    GraphQLError notFound(ForgetSubjectNotFoundException e, DataFetchingEnvironment env) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.NOT_FOUND)
                .message(e.getMessage())
                .extensions(Map.of("field", e.field(), "code", "NOT_FOUND"))
                .build();
    }

    /** Forgetting waits for no curation run: the request is refused and can be repeated once the run is over. */
    @GraphQlExceptionHandler
    GraphQLError curationRunning(CurationAlreadyRunningException e, DataFetchingEnvironment env) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorClassification.errorClassification("CONFLICT"))
                .message(e.getMessage() + "; forget again once it is over")
                .extensions(Map.of("code", "CURATION_RUNNING"))
                .build();
    }
}
