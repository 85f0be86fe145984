package dev.spark.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportWriterTest {

    private static final String NDCG = Metric.NDCG_AT_10.key();
    private static final String API = Metric.API_RECALL_AT_10.key();
    private static final String SCRIPT = "<script>alert('x')</script>";

    @TempDir
    Path dir;

    private final ReportWriter writer = new ReportWriter();

    /** Metric values (the all-items API recall left out); NaN leaves a metric undefined. */
    private static Map<String, Double> metrics(double ndcg, double recall, double mrr, double api, double library) {
        Metric[] order = {Metric.NDCG_AT_10, Metric.RECALL_AT_10, Metric.MRR_AT_10, Metric.API_RECALL_AT_10, Metric.LIBRARY_OF_TOP_CORRECT};
        double[] values = {ndcg, recall, mrr, api, library};
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < order.length; i++) {
            if (!Double.isNaN(values[i])) {
                map.put(order[i].key(), values[i]);
            }
        }
        return map;
    }

    private static List<ProblemResult> cold() {
        return List.of(
                new ProblemResult(1, "Pandas", "Origin", "cold", "pandas one", metrics(0.5, 1.0, 0.5, 0.5, 1)),
                new ProblemResult(2, "Pandas", "Surface", "cold", SCRIPT, metrics(0.0, 0.0, 0.0, 1.0, 0)),
                new ProblemResult(3, "Scipy", "Origin", "cold", null, metrics(Double.NaN, Double.NaN, Double.NaN, 0.25, 1)));
    }

    static EvalReport sample() {
        List<ProblemResult> learning = new ArrayList<>(cold());
        learning.add(new ProblemResult(1, "Pandas", "Origin", "epoch1", null, metrics(0.7, 1.0, 1.0, 0.5, 1)));
        learning.add(new ProblemResult(2, "Pandas", "Surface", "epoch1", SCRIPT, metrics(0.4, 0.5, 0.5, 1.0, 1)));
        learning.add(new ProblemResult(3, "Scipy", "Origin", "epoch1", null, metrics(Double.NaN, Double.NaN, Double.NaN, 0.75, 1)));
        // Scored in epoch1 only: kept out of the lift and of the epoch curve.
        learning.add(new ProblemResult(4, "Numpy", "Semantic", "epoch1", null, metrics(1.0, 1.0, 1.0, 1.0, 1)));
        learning.add(new ProblemResult(1, "Pandas", "Origin", "epoch2", null, metrics(0.9, 1.0, 1.0, 0.5, 1)));
        learning.add(new ProblemResult(2, "Pandas", "Surface", "epoch2", SCRIPT, metrics(0.6, 0.5, 0.5, 1.0, 1)));
        learning.add(new ProblemResult(3, "Scipy", "Origin", "epoch2", null, metrics(Double.NaN, Double.NaN, Double.NaN, 1.0, 1)));
        RunInfo run = new RunInfo("spark eval --recipes bm25,lessons --k 10", Instant.parse("2026-01-02T03:04:05Z"),
                754.5, "../shared/data/ds1000/ds1000-dev.jsonl.gz", 1200, 300, 4, 3);
        return EvalReport.of(run, List.of(
                new RecipeResults("bm25", "BM25 <baseline> & friends", cold()),
                new RecipeResults("lessons", "dense + lessons", learning)));
    }

    @Test
    void aggregatesMeansPerRecipeLibraryAndPerturbationOverDefinedMetricsOnly() {
        EvalReport report = sample();

        assertThat(report.metrics()).containsExactly("ndcg_at_10", "recall_at_10", "mrr_at_10", "api_recall_at_10",
                "library_of_top_correct");
        assertThat(report.byRecipe()).extracting(a -> a.recipe() + "/" + a.phase())
                .containsExactly("bm25/cold", "lessons/cold", "lessons/epoch1", "lessons/epoch2");
        Aggregate bm25 = report.byRecipe().get(0);
        assertThat(bm25.problems()).isEqualTo(3);
        assertThat(bm25.metrics().get(NDCG)).isEqualTo(new Mean(0.25, 2));
        assertThat(bm25.mean(API)).isCloseTo(1.75 / 3, within(1e-12));
        assertThat(bm25.metrics().get(API).n()).isEqualTo(3);

        assertThat(ReportViews.find(report.byLibrary(), "bm25", "cold", "Scipy").metrics()).doesNotContainKey(NDCG);
        assertThat(ReportViews.find(report.byLibrary(), "lessons", "epoch1", "Numpy").problems()).isEqualTo(1);
        assertThat(report.byPerturbation().stream().filter(a -> a.recipe().equals("bm25")).map(Aggregate::group))
                .containsExactly("Origin", "Surface");
        assertThat(ReportViews.find(report.byPerturbation(), "bm25", "cold", "Origin").mean(NDCG)).isEqualTo(0.5);
    }

    @Test
    void liftComparesEachEpochWithColdOnTheSameProblems() {
        EvalReport report = sample();

        assertThat(report.lift()).extracting(a -> a.phase() + "/" + a.group())
                .containsExactly("epoch1/All", "epoch1/Origin", "epoch1/Surface", "epoch2/All", "epoch2/Origin", "epoch2/Surface");
        Aggregate all = ReportViews.find(report.lift(), "lessons", "epoch1", Aggregate.ALL);
        assertThat(all.problems()).isEqualTo(3);
        assertThat(all.mean(NDCG)).isCloseTo((0.2 + 0.4) / 2, within(1e-12));
        assertThat(all.mean(API)).isCloseTo(0.5 / 3, within(1e-12));
        assertThat(ReportViews.find(report.lift(), "lessons", "epoch2", "Surface").mean(NDCG)).isCloseTo(0.6, within(1e-12));
        assertThat(report.lift()).noneMatch(a -> a.recipe().equals("bm25"));
    }

    @Test
    void epochCurveFollowsTheProblemsEveryPhaseScored() {
        EvalReport report = sample();

        assertThat(report.epochCurve()).extracting(Aggregate::phase).containsExactly("cold", "epoch1", "epoch2");
        assertThat(report.epochCurve()).allMatch(a -> a.recipe().equals("lessons") && a.problems() == 3);
        assertThat(report.epochCurve().get(1).mean(NDCG)).isCloseTo(0.55, within(1e-12));
        assertThat(report.epochCurve().get(2).mean(NDCG)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void phasesOrderColdThenEpochsByNumber() {
        assertThat(List.of("warm", "epoch10", "epoch2", "cold").stream().sorted(Aggregator.PHASE_ORDER).toList())
                .containsExactly("cold", "epoch2", "epoch10", "warm");
    }

    @Test
    void writesThreeFilesAndTheJsonRoundTripsWithDocumentedKeys() throws IOException {
        EvalReport report = sample();

        List<Path> files = writer.write(report, dir.resolve("out"));

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.json", "report.html", "summary.md");
        assertThat(files).allMatch(Files::isRegularFile);
        assertThat(writer.read(files.get(0))).isEqualTo(report);

        JsonNode root = JsonMapper.builder().build().readTree(files.get(0).toFile());
        assertThat(root.propertyNames()).containsExactlyInAnyOrder("format", "run", "metrics", "by_recipe", "by_library",
                "by_perturbation", "lift", "epoch_curve", "results");
        assertThat(root.get("format").asString()).isEqualTo("spark-eval-report/1");
        JsonNode run = root.get("run");
        assertThat(run.propertyNames()).containsExactlyInAnyOrder("command_line", "generated_at", "duration_seconds",
                "dataset", "corpus_chunks", "corpus_pages", "problems_read", "problems_with_gold");
        assertThat(run.get("generated_at").asString()).isEqualTo("2026-01-02T03:04:05Z");
        JsonNode first = root.get("by_recipe").get(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("recipe", "phase", "group", "problems", "metrics");
        assertThat(first.get("metrics").get("ndcg_at_10").get("mean").asDouble()).isEqualTo(0.25);
        assertThat(first.get("metrics").get("ndcg_at_10").get("n").asInt()).isEqualTo(2);
        JsonNode problem = root.get("results").get(1).get("problems").get(0);
        assertThat(problem.propertyNames()).containsExactlyInAnyOrder("problem_id", "library", "perturbation_type",
                "phase", "label", "metrics");
    }

    @Test
    void htmlIsSelfContainedWithAChartPerFigureAndEscapedText() {
        String html = writer.html(sample());

        // Overview, two per-library charts, two lift charts, the epoch curve.
        assertThat(Pattern.compile("<svg ").matcher(html).results().count()).isEqualTo(6);
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "BM25 &lt;baseline&gt; &amp; friends");
        assertThat(html).doesNotContain("<script", "<link", "@import", "http://", "https://", "url(");
        assertThat(html).contains("spark eval --recipes bm25,lessons --k 10", "2026-01-02T03:04:05 UTC", "12 min 35 s",
                "1,200 chunks on 300 pages");
    }

    @Test
    void chartsStillRenderWithoutLearningPhases() {
        RunInfo run = new RunInfo("spark eval", Instant.EPOCH, 1, "x.jsonl", 1, 1, 3, 2);
        EvalReport report = EvalReport.of(run, List.of(new RecipeResults("bm25", null, cold())));

        String html = writer.html(report);

        assertThat(report.lift()).isEmpty();
        assertThat(report.epochCurve()).isEmpty();
        assertThat(Pattern.compile("<svg ").matcher(html).results().count()).isEqualTo(6);
        assertThat(html).contains("no data for this chart");
    }

    @Test
    void markdownSummaryHasATablePerView() {
        String md = writer.markdown(sample());

        assertThat(md).contains("## Overall", "## By library", "## By perturbation type", "## Lift over cold",
                "## Epoch curve", "| Recipe | Phase | Problems | NDCG@10 | Recall@10 | MRR@10 | API R@10 (docs) |");
        assertThat(md).contains("| bm25 | cold | 3 | 0.250 | 0.500 | 0.250 | 0.583 | 0.667 |");
        assertThat(md).contains("| lessons | epoch1 | All | 3 | +0.300 |");
        assertThat(md).contains("BM25 &lt;baseline&gt; &amp; friends").doesNotContain("<baseline>");
    }
}
