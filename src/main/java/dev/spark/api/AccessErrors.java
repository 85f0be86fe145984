package dev.spark.api;

import dev.spark.access.ForbiddenException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** An argument that claims another agent or space than the caller's key: FORBIDDEN, {@code extensions.field} naming it. */
@Component
class AccessErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ForbiddenException forbidden) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN).message(forbidden.getMessage())
                    .extensions(Map.of("field", forbidden.field())).build();
        }
        return null;
    }
}
