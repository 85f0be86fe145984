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
    void scoresEveryRecipeColdAndTheFullPipelineAfterOneEpochOfExperience() throws IOException {
        Path problems = tmp.resolve("problems.jsonl");
        List<String> lines = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        lines.add(json.writeValueAsString(problem(0, 0, "Numpy", "Origin", 0,
                "How can I sort the numpy array a with a stable algorithm such as mergesort?",
                "result = np.sort(a, kind='mergesort')", List.of("numpy.sort"), List.of("numpy.sort"))));
        lines.add(json.writeValueAsString(problem(1, 1, "Numpy", "Surface", 0,
                "Sort array a from numpy using a stable sorting algorithm (mergesort) and keep the result.",
                "result = np.sort(a, kind='stable')", List.of("numpy.sort"), List.of("numpy.sort"))));
        lines.add(json.writeValueAsString(problem(2, 0, "Pandas", "Origin", 0,
                "Group the DataFrame df by column a and add up column b within each group.",
                "result = df.groupby('a')['b'].sum()", List.of("pandas.dataframe.groupby"), List.of("pandas.DataFrame.groupby"))));
        lines.add(json.writeValueAsString(problem(3, 1, "Pandas", "Semantic", 0,
                "For each value of column a of DataFrame df, compute the mean of column b.",
                "result = df.groupby('a')['b'].mean()", List.of("pandas.dataframe.groupby"), List.of("pandas.DataFrame.groupby"))));
        Files.write(problems, lines);
        Path out = tmp.resolve("report");
        List<String> phases = new ArrayList<>();

        EvalReport report = evaluation.run(new Ds1000Evaluation.Options(problems, GraphFixtures.DOCS.resolve("jsonl"), out, 1,
                List.of(Recipe.FULLTEXT, Recipe.VECTOR, Recipe.HYBRID, Recipe.FULL), 0, "test", false), IngestProgress.NONE,
                (phase, done, total) -> {
                    if (done == total) {
                        phases.add(phase);
                    }
                });

        assertThat(phases).containsExactly("fulltext cold", "vector cold", "hybrid cold", "full cold", "record epoch1", "full epoch1");
        assertThat(out.resolve("report.json")).exists();
        assertThat(out.resolve("report.html")).content().contains("<svg");
        assertThat(out.resolve("summary.md")).content().contains("NDCG@10");
        assertThat(report.results()).extracting(RecipeResults::recipe).containsExactly("fulltext", "vector", "hybrid", "full");
        RecipeResults full = report.results().get(3);
        assertThat(full.problems()).filteredOn(p -> p.phase().equals("epoch1")).extracting(ProblemResult::problemId)
                .containsExactlyInAnyOrder(1, 3);
        // the fixture corpus answers these easy problems: the gold page is found cold by the embedding recipes
        ProblemResult vectorSort = report.results().get(1).problems().stream().filter(p -> p.problemId() == 0).findFirst().orElseThrow();
        assertThat(vectorSort.metrics().get(Metric.RECALL_AT_10.key())).isEqualTo(1.0);
        assertThat(vectorSort.metrics().get(Metric.LIBRARY_OF_TOP_CORRECT.key())).isEqualTo(1.0);
        // after the epoch, the variants' recommendations start from their origins' successful traces
        assertThat(GraphFixtures.count(graph, "MATCH (r:Recommendation {recipe: 'FULL'})-[:CITES]->(:Trace) RETURN count(DISTINCT r)")).isEqualTo(2);
        assertThat(report.lift()).isNotEmpty();
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
                List.of(Recipe.VECTOR), 0, "test", false);

        assertThatThrownBy(() -> evaluation.run(options, IngestProgress.NONE, (phase, done, total) -> { }))
                .isInstanceOf(ExperiencePresentException.class)
                .hasMessageContaining("--wipe-experience");
        assertThat(GraphFixtures.count(graph, "MATCH (t:Trace) RETURN count(t)")).isEqualTo(1);

        var wiping = new Ds1000Evaluation.Options(options.problems(), options.docs(), options.out(), 0, options.recipes(), 0,
                "test", true);
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
