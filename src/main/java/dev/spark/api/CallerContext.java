package dev.spark.api;

import dev.spark.access.AccessPolicy;
import dev.spark.access.AccessProperties;
import dev.spark.access.Caller;
import dev.spark.access.ForbiddenException;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Who a GraphQL request acts for, and whether it may run at all. The bearer check (when auth is on) leaves the
 * verified {@link Caller} on the HTTP request; this puts it into the GraphQL context under {@value #KEY}, where
 * controllers take it as {@code @ContextValue Caller caller}. Before the first field runs, every root field is
 * checked against {@link AccessPolicy}: one field that needs ADMIN refuses the whole request with a FORBIDDEN error
 * naming it, so a new mutation is protected without touching its controller.
 */
@Configuration(proxyBeanMethods = false)
class CallerContext {

    static final String KEY = "caller";

    @Bean
    WebGraphQlInterceptor callerInterceptor(AccessProperties access) {
        return (request, chain) -> {
            Object verified = request.getAttributes().get(Caller.ATTRIBUTE);
            // with auth on, only the bearer check puts a caller there; without it, everybody is anonymous
            Caller caller = verified instanceof Caller c ? c : access.enabled() ? null : Caller.anonymous();
            if (caller != null) {
                request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(KEY, caller)).build());
            }
            return chain.next(request);
        };
    }

    @Bean
    RoleCheck roleCheck() {
        return new RoleCheck();
    }

    /** FORBIDDEN, naming the field, for a request whose caller lacks a role or is missing altogether. */
    static GraphQLError forbidden(String field, String message) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.FORBIDDEN).message(message)
                .extensions(Map.of("field", field)).build();
    }

    static final class RoleCheck extends SimplePerformantInstrumentation {

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                             InstrumentationState state) {
            ExecutionContext context = parameters.getExecutionContext();
            Caller caller = context.getGraphQLContext().get(KEY);
            OperationDefinition operation = context.getOperationDefinition();
            boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
            for (String field : rootFields(operation.getSelectionSet(), context.getFragmentsByName(), new LinkedHashSet<>())) {
                if (caller == null) {
                    throw new AbortExecutionException(List.of(forbidden(field, "No caller: the request did not pass the API key check")));
                }
                try {
                    caller.require(AccessPolicy.graphQl(mutation, field), field);
                } catch (ForbiddenException e) {
                    throw new AbortExecutionException(List.of(forbidden(e.field(), e.getMessage())));
                }
            }
            return SimpleInstrumentationContext.noOp();
        }

        private static Set<String> rootFields(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> into) {
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    if (!field.getName().startsWith("__")) {
                        into.add(field.getName());
                    }
                } else if (selection instanceof InlineFragment inline) {
                    rootFields(inline.getSelectionSet(), fragments, into);
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                    rootFields(fragments.get(spread.getName()).getSelectionSet(), fragments, into);
                }
            }
            return into;
        }
    }
}
