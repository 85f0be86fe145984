package dev.spark.api;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.InputMapDefinesTooManyFieldsException;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.parser.Parser;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * graphql-java rejects a value that does not fit its type (an unknown enum name, text for a number, a missing
 * required field) before any controller runs, with an error that names the variable or argument but not the
 * field. This answers such requests as the services answer bad values: BAD_REQUEST errors whose
 * {@code extensions.field} names each offending field ({@link BadValues} finds them). Errors about the
 * document itself (unknown fields, syntax) are left as graphql-java reports them.
 */
@Component
class InputTypeErrors extends SimplePerformantInstrumentation {

    private static final Logger log = LoggerFactory.getLogger(InputTypeErrors.class);

    private static final Set<ValidationErrorType> VALUE_RULES = Set.of(
            ValidationErrorType.WrongType, ValidationErrorType.NullValueForNonNullArgument, ValidationErrorType.MissingFieldArgument);

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        List<GraphQLError> typeErrors = result.getErrors().stream().filter(InputTypeErrors::isAboutAValue).toList();
        if (typeErrors.isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<BadValues.BadValue> bad;
        try {
            bad = BadValues.in(parameters.getSchema(), Parser.parse(parameters.getQuery()), parameters.getOperation(),
                    parameters.getExecutionInput().getRawVariables().toMap());
        } catch (RuntimeException e) {
            // naming the field is a courtesy: graphql-java's own errors still answer the request
            log.warn("Could not locate the bad value behind {}: {}", typeErrors.get(0).getMessage(), e.toString());
            return CompletableFuture.completedFuture(result);
        }
        if (bad.isEmpty()) {
            // the type system saw something this reading of the request did not: keep its own words
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = new ArrayList<>();
        bad.forEach(b -> errors.add(InvalidInputErrors.badRequest(GraphqlErrorBuilder.newError().location(b.location()), b.field(), b.problem())));
        result.getErrors().stream().filter(e -> !typeErrors.contains(e)).forEach(errors::add);
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    private static boolean isAboutAValue(GraphQLError error) {
        return error instanceof ValidationError validation ? VALUE_RULES.contains(validation.getValidationErrorType())
                : error instanceof CoercingParseValueException || error instanceof NonNullableValueCoercedAsNullException
                        || error instanceof InputMapDefinesTooManyFieldsException;
    }
}
