package dev.spark.api;

import dev.spark.validation.InvalidInputException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** Turns a validation failure into a BAD_REQUEST GraphQL error whose {@code extensions.field} names the input. */
@Component
class InvalidInputErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof InvalidInputException invalid) {
            return badRequest(GraphqlErrorBuilder.newError(env), invalid.field(), invalid.problem());
        }
        return null;
    }

    /** The one shape of an input error, whether a service or the GraphQL type system found it. */
    static GraphQLError badRequest(GraphqlErrorBuilder<?> error, String field, String problem) {
        return error.errorType(ErrorType.BAD_REQUEST)
                .message("Invalid argument '" + field + "': " + problem)
                .extensions(Map.of("field", field))
                .build();
    }
}
