package dev.spark.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.knowledge.DocRecord;
import dev.spark.recommend.Recipe;
import dev.spark.recommend.RecommendQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

/** The input records check their annotations through {@link Inputs} and name fields as callers spell them. */
class InputRecordsTest {

    static final TaskInput TASK = new TaskInput("Sort an array", null, List.of("numpy"));

    @Test
    void traceErrorsNameNestedListAndRenamedFields() {
        assertField(() -> trace("agent with spaces", TASK, List.of(), null, null).validated()).isEqualTo("agent.id");
        assertField(() -> trace("a", new TaskInput(" ", null, null), List.of(), null, null).validated()).isEqualTo("task.text");
        assertField(() -> trace("a", new TaskInput("t", null, List.of("numpy", " ")), List.of(), null, null).validated())
                .isEqualTo("task.libraries[1]");
        assertField(() -> trace("a", TASK, List.of("fine", "also fine", "  "), null, null).validated()).isEqualTo("lessons[2]");
        assertField(() -> trace("a", TASK, Collections.nCopies(TraceInput.MAX_LESSONS + 1, "l"), null, null).validated())
                .isEqualTo("lessons");
        assertField(() -> trace("a", TASK, List.of(), new TraceInput.Followed("rec-1", 0), null).validated())
                .isEqualTo("followed.rating");
        assertField(() -> trace("a", TASK, List.of(), new TraceInput.Followed(" ", 3), null).validated())
                .isEqualTo("followed.recommendationId");
        assertField(() -> trace("a", TASK, List.of(), null, "Team A").validated()).isEqualTo("space");
        assertField(() -> trace("a", null, List.of(), null, null).validated()).isEqualTo("task");
        assertField(() -> new TraceInput("a", "m".repeat(TraceInput.MAX_MODEL + 1), TASK, "x", Outcome.SUCCESS, null, null,
                null, null, null).validated()).isEqualTo("agent.model");
        assertField(() -> new TraceInput("a", null, TASK, "x", null, null, null, null, null, null).validated()).isEqualTo("outcome");
    }

    @Test
    void problemsSayWhatIsWrongWithTheValue() {
        assertProblem(() -> new TraceInput("a", null, TASK, "x".repeat(TraceInput.MAX_ATTEMPT + 1), Outcome.SUCCESS, null, null,
                null, null, null).validated())
                .isEqualTo("is 50001 characters long; the limit is 50000");
        assertProblem(() -> trace("  ", TASK, List.of(), null, null).validated()).isEqualTo("must not be empty");
        assertProblem(() -> trace("a b", TASK, List.of(), null, null).validated())
                .isEqualTo("may hold only letters, digits and . _ : @ / -, was 'a b'");
        assertProblem(() -> trace("a", TASK, List.of(), new TraceInput.Followed("rec-1", 6), null).validated())
                .isEqualTo("must be at most 5, was 6");
        assertProblem(() -> trace("a", TASK, Collections.nCopies(11, "l"), null, null).validated())
                .isEqualTo("has 11 elements; the limit is 10");
        assertProblem(() -> new TraceInput("a", null, TASK, "x", null, null, null, null, null, null).validated())
                .isEqualTo("is required: SUCCESS, FAILURE or PARTIAL");
    }

    @Test
    void validTracesComeBackNormalised() {
        TraceInput trace = new TraceInput(" agent-1 ", "model", new TaskInput("  Sort  ", null, List.of(" NumPy", "numpy")),
                "  x = 1  ", Outcome.SUCCESS, " err ", null, List.of("  a lesson "), new TraceInput.Followed("rec-1", 5), "  ")
                .validated();

        assertThat(trace.agentId()).isEqualTo("agent-1");
        assertThat(trace.attempt()).isEqualTo("x = 1");
        assertThat(trace.error()).isEqualTo(" err ");
        assertThat(trace.lessons()).containsExactly("a lesson");
        assertThat(trace.space()).isEqualTo(TraceInput.COMMONS);
        assertThat(trace.task().text()).isEqualTo("Sort");
        assertThat(trace.task().libraries()).containsExactly("numpy");
    }

    @Test
    void recommendQueriesNameTheirArguments() {
        assertField(() -> new RecommendQuery(TASK, null, 0, null).validated()).isEqualTo("k");
        assertField(() -> new RecommendQuery(TASK, null, RecommendQuery.MAX_K + 1, null).validated()).isEqualTo("k");
        assertField(() -> new RecommendQuery(TASK, "a".repeat(TraceInput.MAX_AGENT_ID + 1), 5, null).validated()).isEqualTo("agentId");
        assertField(() -> new RecommendQuery(new TaskInput("", null, null), null, 5, null).validated()).isEqualTo("task.text");
        assertField(() -> new RecommendQuery(null, null, 5, null).validated()).isEqualTo("task");
        assertThat(new RecommendQuery(TASK, null, 5, null).validated().recipe()).isEqualTo(Recipe.FULL);
    }

    @Test
    void documentErrorsUseTheJsonlNames() {
        assertField(() -> doc("numpy", " ", List.of()).validated()).isEqualTo("doc_id");
        assertField(() -> doc("NumPy", "p", List.of()).validated()).isEqualTo("library");
        assertField(() -> doc("numpy", "p", List.of("np.sort", " ")).validated()).isEqualTo("aliases[1]");
        assertProblem(() -> doc("Not A Name", "p", List.of()).validated()).isEqualTo("must be a lower-case name like 'numpy', was 'Not A Name'");
        assertProblem(() -> doc(" ", "p", List.of()).validated()).isEqualTo("must not be empty");
    }

    @Test
    void validDocumentsComeBackStrippedWithBlankOptionalsAsNull() {
        DocRecord doc = new DocRecord(" id ", " numpy ", "  ", " Title ", " text ", "", null, " p ", List.of(" alias ")).validated();

        assertThat(doc).isEqualTo(new DocRecord("id", "numpy", null, "Title", "text", null, null, "p", List.of(" alias ")));
    }

    @Test
    void aNullListElementIsAnErrorNotACrash() {
        List<String> libraries = new ArrayList<>(List.of("numpy"));
        libraries.add(null);
        assertField(() -> new TaskInput("t", null, libraries).validated("task")).isEqualTo("task.libraries[1]");
    }

    private static TraceInput trace(String agent, TaskInput task, List<String> lessons, TraceInput.Followed followed, String space) {
        return new TraceInput(agent, null, task, "x = 1", Outcome.SUCCESS, null, null, lessons, followed, space);
    }

    private static DocRecord doc(String library, String docId, List<String> aliases) {
        return new DocRecord("id", library, null, null, "text", null, null, docId, aliases);
    }

    private static AbstractStringAssert<?> assertField(Runnable validation) {
        return assertThat(thrown(validation).field());
    }

    private static AbstractStringAssert<?> assertProblem(Runnable validation) {
        return assertThat(thrown(validation).problem());
    }

    private static InvalidInputException thrown(Runnable validation) {
        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class, validation::run);
        assertThat(thrown).as("an InvalidInputException").isNotNull();
        return thrown;
    }
}
