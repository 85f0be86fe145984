package dev.spark.api;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * An unreachable database (an external Neo4j that is down or cut off) is the operator's problem, not a bug: the
 * client gets an error it can act on, {@code UNAVAILABLE} with {@code extensions.code = DATABASE_UNAVAILABLE}
 * and {@code retryable: true}, instead of an internal error, and the log gets one line instead of a stack trace.
 * The driver reconnects by itself once the database is back, so nothing needs restarting.
 */
@Component
class DatabaseUnavailableErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableErrors.class);
    static final ErrorClassification UNAVAILABLE = ErrorClassification.errorClassification("UNAVAILABLE");

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
                log.warn("{} failed: the database is unavailable ({})", env.getField().getName(), t.getMessage());
                return GraphqlErrorBuilder.newError(env)
                        .errorType(UNAVAILABLE)
                        .message("The database is unavailable; retry later")
                        .extensions(Map.of("code", "DATABASE_UNAVAILABLE", "retryable", true))
                        .build();
            }
        }
        return null;
    }
}
