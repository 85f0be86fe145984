package dev.spark.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceRecorder;
import dev.spark.graph.Graph;
import dev.spark.knowledge.IngestProgress;
import dev.spark.recommend.Recipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A whole evaluation run on a handful of self-written problems in the DS-1000 format and the fixture corpus. */
@SparkIntegrationTest
class Ds1000EvaluationTest {

    @Autowired
    Ds1000Evaluation evaluation;

    @Autowired
    Graph graph;

    @Autowired
    TraceRecorder recorder;

    @TempDir
    Path tmp;

    @BeforeEach
    void empty() {
        GraphFixtures.clear(graph);
    }

    @Test
    void scoresEveryRecipeColdThenRunsTheLearningCurveOnTestProblemsItNeverRecords() throws IOException {
        Path problems = write(false);
        Path out = tmp.resolve("report");
        List<String> phases = new ArrayList<>();
        List<LearningCurveEvaluation.Setting> grid = List.of(new LearningCurveEvaluation.Setting(LearningCurveEvaluation.Mode.CURATED, 20, 1),
                new LearningCurveEvaluation.Setting(LearningCurveEvaluation.Mode.RAW, 20, 1));

        EvalReport report = evaluation.run(new Ds1000Evaluation.Options(problems, GraphFixtures.DOCS.resolve("jsonl"), out, 2,
                List.of(Recipe.FULLTEXT, Recipe.VECTOR, Recipe.HYBRID, Recipe.FULL), 0, "test", false, grid, 0.5), IngestProgress.NONE,
                (phase, done, total) -> {
                    if (done == total && !phases.contains(phase)) {
                        phases.add(phase);
                    }
                });

        assertThat(phases).startsWith("fulltext cold", "vector cold", "hybrid cold", "full cold", "curated 20% seed 1 epoch 0 test",
                "curated 20% seed 1 epoch 1 training", "curated 20% seed 1 epoch 1 test", "curated 20% seed 1 epoch 2 training");
        assertThat(phases).contains("raw 20% seed 1 epoch 2 test");
        assertThat(report.results()).extracting(RecipeResults::recipe).containsExactly("fulltext", "vector", "hybrid", "full");
        assertThat(report.results()).allSatisfy(r -> assertThat(r.problems()).allSatisfy(p -> assertThat(p.phase()).isEqualTo("cold")));
        // the fixture corpus answers these easy problems: the gold page is found cold by the embedding recipes
        ProblemResult vectorSort = report.results().get(1).problems().stream().filter(p -> p.problemId() == 0).findFirst().orElseThrow();
        assertThat(vectorSort.metrics().get(Metric.RECALL_AT_10.key())).isEqualTo(1.0);
        assertThat(vectorSort.metrics().get(Metric.LIBRARY_OF_TOP_CORRECT.key())).isEqualTo(1.0);

        JsonNode learning = JsonMapper.builder().build().readTree(out.resolve("learning.json").toFile());
        assertThat(learning.get("format").asString()).isEqualTo(LearningReport.FORMAT);
        assertThat(learning.at("/splits/0/testProblems").asInt()).as("one per group with a variant").isEqualTo(2);
        assertThat(learning.at("/leakGuard/checks").asInt()).as("2 tests x 3 epochs x 2 settings").isEqualTo(12);
        assertThat(learning.get("poisonedItemsServed").asInt()).isZero();
        assertThat(learning.get("series")).hasSize(2);
        JsonNode curated = learning.at("/series/0");
        assertThat(curated.get("epochs")).hasSize(3);
        assertThat(curated.at("/epochs/0/metrics/ndcg_at_10/mean").isNumber()).isTrue();
        assertThat(curated.at("/epochs/1/trainingTraces").asInt()).as("the two origins and the singleton, some failing first")
                .isGreaterThanOrEqualTo(3);
        assertThat(curated.at("/epochs/2/curation/created").asInt()).isPositive();
        assertThat(learning.at("/series/1/epochs/2/curation").isEmpty()).as("raw experience is never curated").isTrue();
        assertThat(out.resolve("learning.html")).content().contains("<svg").contains("curated 20%").contains("Noise robustness")
                .contains("20% unreliable");
        assertThat(out.resolve("learning.md")).content().contains("Leak guard");
    }

    @Test
    void aTestProblemWhoseTaskIsRecordedByTrainingStopsTheRun() throws IOException {
        Path problems = write(true);
        var options = new Ds1000Evaluation.Options(problems, GraphFixtures.DOCS.resolve("jsonl"), tmp.resolve("leak"), 2,
                List.of(Recipe.VECTOR), 0, "test", false,
                List.of(new LearningCurveEvaluation.Setting(LearningCurveEvaluation.Mode.RAW, 0, 1)), 0.0);

        assertThatThrownBy(() -> evaluation.run(options, IngestProgress.NONE, (phase, done, total) -> { }))
                .isInstanceOf(LeakDetectedException.class)
                .hasMessageContaining("leaked").hasMessageContaining("a trace attempted its task");
    }

    /**
     * Six problems in three groups: numpy (an origin and two variants), pandas (an origin and a variant) and a pandas
     * singleton. With {@code leak}, the numpy variants share their prompt (a duplicate in the data), so whichever is the
     * test problem, training on the other records its task in round 2.
     */
    private Path write(boolean leak) throws IOException {
        Path problems = tmp.resolve(leak ? "leak.jsonl" : "problems.jsonl");
        JsonMapper json = JsonMapper.builder().build();
        List<String> lines = new ArrayList<>();
        lines.add(json.writeValueAsString(problem(0, 0, "Numpy", "Origin", 0,
                "How can I sort the numpy array a with a stable algorithm such as mergesort?",
                "result = np.sort(a, kind='mergesort')", List.of("numpy.sort"), List.of("numpy.sort"))));
        lines.add(json.writeValueAsString(problem(1, 1, "Numpy", "Surface", 0,
                "Sort array a from numpy using a stable sorting algorithm (mergesort) and keep the result.",
                "result = np.sort(a, kind='stable')", List.of("numpy.sort"), List.of("numpy.sort"))));
        lines.add(json.writeValueAsString(problem(2, 2, "Numpy", "Semantic", 0,
                leak ? "Sort array a from numpy using a stable sorting algorithm (mergesort) and keep the result."
                        : "Sort the numpy array a in descending order with a stable algorithm.",
                "result = np.sort(a, kind='stable')[::-1]", List.of("numpy.sort"), List.of("numpy.sort"))));
        lines.add(json.writeValueAsString(problem(3, 0, "Pandas", "Origin", 0,
                "Group the DataFrame df by column a and add up column b within each group.",
                "result = df.groupby('a')['b'].sum()", List.of("pandas.dataframe.groupby"), List.of("pandas.DataFrame.groupby"))));
        lines.add(json.writeValueAsString(problem(4, 1, "Pandas", "Semantic", 0,
                "For each value of column a of DataFrame df, compute the mean of column b.",
                "result = df.groupby('a')['b'].mean()", List.of("pandas.dataframe.groupby"), List.of("pandas.DataFrame.groupby"))));
        lines.add(json.writeValueAsString(problem(5, 2, "Pandas", "Origin", 2,
                "Count the rows of DataFrame df for each value of column a.",
                "result = df.groupby('a').size()", List.of("pandas.dataframe.groupby"), List.of("pandas.DataFrame.groupby"))));
        Files.write(problems, lines);
        return problems;
    }

    @Test
    void refusesADatabaseThatHoldsExperienceUnlessToldToWipeIt() throws IOException {
        recorder.record(new TraceInput("someone-elses-agent", null,
                new TaskInput("Reshape the numpy array a into two columns.", null, List.of("numpy")),
                "result = a.reshape(-1, 2)", Outcome.SUCCESS, null, null, List.of(), null, null));
        Path problems = tmp.resolve("one.jsonl");
        Files.write(problems, List.of(JsonMapper.builder().build().writeValueAsString(problem(0, 0, "Numpy", "Origin", 0,
                "Sort the numpy array a.", "result = np.sort(a)", List.of("numpy.sort"), List.of("numpy.sort")))));
        var options = new Ds1000Evaluation.Options(problems, GraphFixtures.DOCS.resolve("jsonl"), tmp.resolve("r"), 0,
                List.of(Recipe.VECTOR), 0, "test", false, LearningCurveEvaluation.quickGrid(), 0.25);

        assertThatThrownBy(() -> evaluation.run(options, IngestProgress.NONE, (phase, done, total) -> { }))
                .isInstanceOf(ExperiencePresentException.class)
                .hasMessageContaining("--wipe-experience");
        assertThat(GraphFixtures.count(graph, "MATCH (t:Trace) RETURN count(t)")).isEqualTo(1);

        var wiping = new Ds1000Evaluation.Options(options.problems(), options.docs(), options.out(), 0, options.recipes(), 0,
                "test", true, options.grid(), options.failedShare());
        evaluation.run(wiping, IngestProgress.NONE, (phase, done, total) -> { });
        assertThat(GraphFixtures.count(graph, "MATCH (t:Trace) RETURN count(t)")).isZero();
    }

    private static Map<String, Object> problem(int id, int libraryId, String library, String type, int origin, String prompt,
                                               String code, List<String> gold, List<String> apis) {
        return Map.ofEntries(Map.entry("problem_id", id), Map.entry("library_problem_id", libraryId), Map.entry("library", library),
                Map.entry("perturbation_type", type), Map.entry("perturbation_origin_id", origin), Map.entry("prompt", prompt),
                Map.entry("reference_code", code), Map.entry("code_context", ""), Map.entry("gold_doc_ids", gold),
                Map.entry("gold_functions", List.of()), Map.entry("apis", apis));
    }
}
