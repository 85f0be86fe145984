package dev.spark.eval;

import dev.spark.experience.ExperienceAdmin;
import dev.spark.experience.TaskInput;
import dev.spark.graph.WriteBehind;
import dev.spark.knowledge.CorpusSize;
import dev.spark.knowledge.DocumentIngestor;
import dev.spark.knowledge.LibraryCatalog;
import dev.spark.knowledge.IngestOptions;
import dev.spark.knowledge.IngestProgress;
import dev.spark.knowledge.IngestReport;
import dev.spark.recommend.ItemKind;
import dev.spark.recommend.Recipe;
import dev.spark.recommend.RecommendQuery;
import dev.spark.recommend.Recommendation;
import dev.spark.recommend.RecommendationItem;
import dev.spark.recommend.RetrievalAgent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The DS-1000 evaluation: documentation retrieval quality of every recipe, cold (the knowledge base holds
 * documentation only; every recipe recommends for every problem), then, with {@code epochs > 0}, the learning curve
 * of {@link LearningCurveEvaluation} on test problems that are never recorded.
 */
@Service
public class Ds1000Evaluation {

    /** Items per recommendation that the metrics look at. */
    public static final int K = 10;

    private static final Logger log = LoggerFactory.getLogger(Ds1000Evaluation.class);
    private static final String AGENT = "ds1000-eval";

    /** Called with (phase, done, total) while it runs. */
    public interface Progress {
        void update(String phase, int done, int total);
    }

    /**
     * @param wipeExperience whether experience already in the database may be deleted; without it, a database that
     *                       holds experience is refused (the evaluation starts from documentation only)
     */
    public record Options(Path problems, Path docs, Path out, int epochs, List<Recipe> recipes, int limit, String commandLine,
                          boolean wipeExperience, List<LearningCurveEvaluation.Setting> grid, double failedShare) {
    }

    private final DocumentIngestor ingestor;
    private final RetrievalAgent agent;
    private final WriteBehind writeBehind;
    private final ExperienceAdmin experience;
    private final LibraryCatalog catalog;
    private final LearningCurveEvaluation learning;

    public Ds1000Evaluation(DocumentIngestor ingestor, RetrievalAgent agent, WriteBehind writeBehind, ExperienceAdmin experience,
                            LibraryCatalog catalog, LearningCurveEvaluation learning) {
        this.ingestor = ingestor;
        this.agent = agent;
        this.writeBehind = writeBehind;
        this.experience = experience;
        this.catalog = catalog;
        this.learning = learning;
    }

    public EvalReport run(Options options, IngestProgress ingestProgress, Progress progress) throws IOException {
        long started = System.nanoTime();
        List<Ds1000Problem> problems = new Ds1000Reader().read(options.problems());
        if (options.limit() > 0 && options.limit() < problems.size()) {
            problems = limitByGroup(problems, options.limit());
        }
        if (experience.hasExperience() && !options.wipeExperience()) {
            throw new ExperiencePresentException("The database holds experience (traces, tasks or lessons) that the evaluation "
                    + "would delete; use a fresh --home, or give --wipe-experience to delete it");
        }
        // every run starts from documentation only: experience of an earlier run would leak into "cold"
        learning.forgetExperience();
        IngestReport ingest = ingestor.ingest(options.docs(), IngestOptions.defaults(), ingestProgress);
        if (ingest.failed()) {
            log.warn("{} documentation records were rejected", ingest.problems().size());
        }

        Map<Recipe, List<ProblemResult>> results = new LinkedHashMap<>();
        for (Recipe recipe : options.recipes()) {
            results.put(recipe, new ArrayList<>(ask(problems, recipe, EvalReport.COLD, progress)));
        }
        writeBehind.flush();
        CorpusSize corpus = catalog.corpusSize();
        long chunks = corpus.chunks();
        long pages = corpus.pages();
        int withGold = (int) problems.stream().filter(p -> !p.goldPages().isEmpty()).count();
        RunInfo run = new RunInfo(options.commandLine(), Instant.now(), (System.nanoTime() - started) / 1e9,
                options.problems().toString(), chunks, pages, problems.size(), withGold);
        List<RecipeResults> recipes = results.entrySet().stream()
                .map(e -> new RecipeResults(e.getKey().name().toLowerCase(Locale.ROOT), describe(e.getKey()), e.getValue()))
                .toList();
        EvalReport report = EvalReport.of(run, recipes);
        new ReportWriter().write(report, options.out());
        if (options.epochs() > 0) {
            learning.run(problems, new LearningCurveEvaluation.Options(options.epochs(), options.grid(), options.failedShare()),
                    options.commandLine(), progress).write(options.out());
        }
        return report;
    }

    /** Scores one recipe's recommendations for the given problems. */
    List<ProblemResult> ask(List<Ds1000Problem> problems, Recipe recipe, String phase, Progress progress) {
        List<ProblemResult> results = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            Ds1000Problem p = problems.get(i);
            Recommendation rec = agent.recommend(new RecommendQuery(
                    new TaskInput(p.prompt(), null, List.of()), AGENT, K, recipe));
            results.add(score(p, rec.items(), phase));
            progress.update(recipe.name().toLowerCase(Locale.ROOT) + " " + phase, i + 1, problems.size());
        }
        return results;
    }

    static ProblemResult score(Ds1000Problem p, List<RecommendationItem> items, String phase) {
        List<String> pages = items.stream().filter(i -> i.kind() == ItemKind.DOCUMENTATION && i.docId() != null)
                .map(RecommendationItem::docId).toList();
        Set<String> gold = p.goldPages();
        Set<String> goldApis = new HashSet<>(p.apis());
        List<Set<String>> covered = items.stream().map(i -> (Set<String>) new HashSet<>(i.apis())).toList();
        List<Set<String>> coveredByDocs = items.stream()
                .map(i -> i.kind() == ItemKind.DOCUMENTATION ? (Set<String>) new HashSet<>(i.apis()) : Set.<String>of()).toList();
        List<String> libraries = items.stream().map(RecommendationItem::library).toList();
        Map<String, Double> metrics = new LinkedHashMap<>();
        put(metrics, Metric.NDCG_AT_10, RetrievalMetrics.ndcgAtK(pages, gold, K));
        put(metrics, Metric.RECALL_AT_10, RetrievalMetrics.recallAtK(pages, gold, K));
        put(metrics, Metric.MRR_AT_10, RetrievalMetrics.mrrAtK(pages, gold, K));
        put(metrics, Metric.API_RECALL_AT_10, RetrievalMetrics.apiRecallAtK(coveredByDocs, goldApis, K));
        put(metrics, Metric.API_RECALL_ALL_ITEMS_AT_10, RetrievalMetrics.apiRecallAtK(covered, goldApis, K));
        if (!libraries.isEmpty()) {
            metrics.put(Metric.LIBRARY_OF_TOP_CORRECT.key(), RetrievalMetrics.libraryOfTopCorrect(libraries, p.corpusLibrary()));
        }
        return new ProblemResult(p.problemId(), p.library(), p.perturbationType(), phase, null, metrics);
    }

    /** Keeps whole perturbation groups (an origin and its variants) until about {@code limit} problems. */
    private static List<Ds1000Problem> limitByGroup(List<Ds1000Problem> problems, int limit) {
        Map<Integer, Integer> origins = Ds1000Reader.originIds(problems);
        Map<String, List<Ds1000Problem>> groups = new LinkedHashMap<>();
        Function<Ds1000Problem, String> group = p -> p.library() + "#" + origins.get(p.problemId());
        problems.forEach(p -> groups.computeIfAbsent(group.apply(p), g -> new ArrayList<>()).add(p));
        List<Ds1000Problem> kept = new ArrayList<>();
        for (List<Ds1000Problem> members : groups.values()) {
            if (kept.size() >= limit) {
                break;
            }
            kept.addAll(members);
        }
        return kept;
    }

    private static void put(Map<String, Double> metrics, Metric metric, OptionalDouble value) {
        value.ifPresent(v -> metrics.put(metric.key(), v));
    }

    private static String describe(Recipe recipe) {
        return switch (recipe) {
            case FULLTEXT -> "documentation by BM25 (Lucene full-text index)";
            case VECTOR -> "documentation by embedding similarity";
            case HYBRID -> "documentation by embedding and BM25, weighted reciprocal-rank fusion";
            case FULL -> "hybrid documentation + lessons, similar past tasks and graph walks";
        };
    }
}
