package dev.spark.api;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import java.util.List;
import java.util.Map;

/**
 * The error of a request that exceeds one of Spark's limits: classification {@code LIMIT_EXCEEDED} (or
 * {@code RATE_LIMITED}), a message that names the setting, and {@code extensions.limit}, {@code max} and
 * {@code actual} for clients that want to adapt.
 */
enum LimitExceeded implements ErrorClassification {
    LIMIT_EXCEEDED,
    RATE_LIMITED;

    /** A request whose shape is over a {@code spark.graphql.*} limit. */
    static GraphQLError error(String setting, String what, long max, long actual) {
        return GraphqlErrorBuilder.newError().errorType(LIMIT_EXCEEDED)
                .message(what + " " + actual + " is over the limit of " + max + " (spark.graphql." + setting + ")")
                .extensions(Map.of("limit", "spark.graphql." + setting, "max", max, "actual", actual))
                .build();
    }

    /** Thrown before execution starts: graphql-java answers with the error and executes nothing. */
    static AbortExecutionException abort(String setting, String what, long max, long actual) {
        return new AbortExecutionException(List.of(error(setting, what, max, actual)));
    }
}
