package dev.spark.api;

import dev.spark.access.Caller;
import dev.spark.curation.CurationAlreadyRunningException;
import dev.spark.curation.CurationReport;
import dev.spark.curation.CurationRunView;
import dev.spark.curation.CurationService;
import dev.spark.curation.LessonAdmin;
import dev.spark.curation.LessonAudit;
import dev.spark.curation.LessonPage;
import dev.spark.curation.LessonView;
import dev.spark.curation.MergeSuggestionView;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for knowledge engineers and auditors: run curation, trace lessons back, override the screen. */
@Controller
class CurationController {

    private final CurationService curation;
    private final LessonAudit audit;
    private final LessonAdmin admin;

    CurationController(CurationService curation, LessonAudit audit, LessonAdmin admin) {
        this.curation = curation;
        this.audit = audit;
        this.admin = admin;
    }

    @MutationMapping
    CurationReport curate() {
        return curation.curate("api");
    }

    /** A lesson of another space than the caller's (or commons) is not found, as if it did not exist. */
    @QueryMapping
    LessonView lesson(@Argument String id, @Argument String space, @ContextValue Caller caller) {
        return audit.lesson(id, caller.readSpace(space, "space").orElse(null)).orElse(null);
    }

    @QueryMapping
    LessonPage lessons(@Argument String status, @Argument String cluster, @Argument String api, @Argument Integer first,
                       @Argument String after, @Argument String space, @ContextValue Caller caller) {
        return audit.lessons(status, cluster, api, first == null ? 20 : first, after, caller.readSpace(space, "space").orElse(null));
    }

    @QueryMapping
    List<CurationRunView> curationRuns(@Argument Integer first) {
        return audit.runs(first == null ? 10 : first);
    }

    @MutationMapping
    LessonView releaseLesson(@Argument String id, @Argument String reason) {
        return admin.release(id, reason);
    }

    @QueryMapping
    List<MergeSuggestionView> mergeSuggestions(@Argument Integer first) {
        return admin.mergeSuggestions(first == null ? 20 : first);
    }

    @MutationMapping
    LessonView resolveMergeSuggestion(@Argument String lesson, @Argument String into, @Argument Boolean merge, @Argument String reason) {
        return admin.resolveSuggestion(lesson, into, Boolean.TRUE.equals(merge), reason);
    }

    @MutationMapping
    LessonView quarantineLesson(@Argument String id, @Argument String reason) {
        return admin.quarantine(id, reason);
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
