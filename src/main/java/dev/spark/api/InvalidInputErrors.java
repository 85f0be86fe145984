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
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.BAD_REQUEST)
                    .message("Invalid argument '" + invalid.field() + "': " + invalid.problem())
                    .extensions(Map.of("field", invalid.field()))
                    .build();
        }
        return null;
    }
}
