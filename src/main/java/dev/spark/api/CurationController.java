package dev.spark.api;

import dev.spark.curation.CurationAlreadyRunningException;
import dev.spark.curation.CurationReport;
import dev.spark.curation.CurationService;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for knowledge engineers and auditors: run curation. */
@Controller
class CurationController {

    private final CurationService curation;

    CurationController(CurationService curation) {
        this.curation = curation;
    }

    @MutationMapping
    CurationReport curate() {
        return curation.curate("api");
    }

    /** Another run is curating the same traces: a clear answer, not an internal error. */
    @GraphQlExceptionHandler
    GraphQLError alreadyRunning(CurationAlreadyRunningException e, DataFetchingEnvironment env) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorClassification.errorClassification("CONFLICT"))
                .message(e.getMessage())
                .extensions(Map.of("code", "CURATION_RUNNING"))
                .build();
    }
}
