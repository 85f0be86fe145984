package dev.spark.recommend;

import dev.spark.ai.TextEmbedder;
import dev.spark.experience.PythonApiExtractor;
import dev.spark.experience.TaskCatalog;
import dev.spark.experience.TaskInput;
import dev.spark.knowledge.SearchProperties;
import dev.spark.recommend.internal.RecommendRepository;
import dev.spark.recommend.internal.RecommendationStore;
import dev.spark.recommend.retrieval.ApiWalk;
import dev.spark.recommend.retrieval.Evidence;
import dev.spark.recommend.retrieval.ItemHydrator;
import dev.spark.recommend.retrieval.LessonsByText;
import dev.spark.recommend.retrieval.LessonsByVector;
import dev.spark.recommend.retrieval.PathRunner;
import dev.spark.recommend.retrieval.PathRunner.Started;
import dev.spark.recommend.retrieval.QueryContext;
import dev.spark.recommend.retrieval.Ranker;
import dev.spark.recommend.retrieval.RetrievalPath;
import dev.spark.recommend.retrieval.RetrievalPath.Stage;
import dev.spark.recommend.retrieval.RetrievalPool;
import dev.spark.recommend.retrieval.SimilarTaskTraces;
import dev.spark.recommend.retrieval.TaskIntent;
import dev.spark.recommend.synthesis.RecommendationSynthesizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.stereotype.Service;

/**
 * The retrieval agent behind {@code recommend}: analyses the task, runs the paths of the query's
 * {@link Recipe} (side by side where they are independent), ranks every candidate, reads the items, writes
 * the advice and stores the recommendation with {@code CITES} edges so that later ratings reach its items.
 * Candidate lessons (not yet verified) are served only to agents that have recorded traces in their space; with a
 * space in the query, experience of other spaces is not served at all (only that space's and commons').
 */
@Service
public class RetrievalAgent {

    /** The paths that find lessons; only recipes running one of them need the asking agent's spaces. */
    private static final Set<Class<? extends RetrievalPath>> LESSON_PATHS =
            Set.of(LessonsByVector.class, LessonsByText.class, SimilarTaskTraces.class, ApiWalk.class);

    private final TextEmbedder embedder;
    private final PathRunner runner;
    private final ItemHydrator hydrator;
    private final RecommendationSynthesizer synthesizer;
    private final RecommendationStore store;
    private final RecommendRepository repository;
    private final TaskCatalog tasks;
    private final RetrievalPool pool;
    private final SearchProperties search;
    private final Recipe.Weights weights;
    private final Ranker ranker;
    private final PythonApiExtractor extractor = new PythonApiExtractor();
    private final ObservationRegistry observations;

    public RetrievalAgent(TextEmbedder embedder, PathRunner runner, ItemHydrator hydrator, RecommendationSynthesizer synthesizer,
                          RecommendationStore store, RecommendRepository repository, TaskCatalog tasks, RetrievalPool pool, RecommendProperties props,
                          SearchProperties search, ObservationRegistry observations) {
        this.embedder = embedder;
        this.observations = observations;
        this.runner = runner;
        this.hydrator = hydrator;
        this.synthesizer = synthesizer;
        this.store = store;
        this.repository = repository;
        this.tasks = tasks;
        this.pool = pool;
        this.search = search;
        this.weights = new Recipe.Weights(props, search);
        this.ranker = new Ranker(props.rrfK(), new Ranker.DocumentPriors(props.intentLibraryBoost(), props.routedLibraryBoost(),
                props.namedApiDocBoost(), props.siblingBoost()));
    }

    /** Validates the query (errors name the field), retrieves, writes, stores and returns a recommendation. */
    public Recommendation recommend(RecommendQuery query) {
        // timed as spark.recommend (tags: recipe, error), exported at /actuator/prometheus
        return Observation.createNotStarted("spark.recommend", observations)
                .lowCardinalityKeyValue("recipe", String.valueOf(query.recipe() == null ? Recipe.FULL : query.recipe()))
                .observe(() -> answer(query));
    }

    private Recommendation answer(RecommendQuery query) {
        RecommendQuery q = query.validated();
        Stopwatch clock = new Stopwatch();
        TaskInput task = q.task();
        Recipe recipe = q.recipe();
        // the asking agent's spaces do not depend on the task: read them while the task is embedded
        boolean servesLessons = recipe.steps().stream().anyMatch(step -> LESSON_PATHS.contains(step.path()));
        List<String> visible = q.visibleSpaces();
        CompletableFuture<List<String>> agentSpaces = servesLessons && q.agentId() != null
                ? pool.async(() -> repository.agentSpaces(q.agentId()).stream().filter(s -> visible == null || visible.contains(s)).toList())
                : CompletableFuture.completedFuture(List.of());
        TaskIntent intent = TaskIntent.analyse(task, extractor);
        clock.lap("intent");
        float[] vector = embedder.embedQuery(task.text());
        clock.lap("embed");

        List<String> spaces = agentSpaces.join();
        List<Started> paths = runner.start(recipe.steps(), new QueryContext(task, vector, intent, search.fuseFulltext(task.text()), spaces,
                visible));
        CompletableFuture<String> taskId = pool.async(() -> tasks.idFor(task));
        await(paths, Stage.CANDIDATES);
        clock.lap("candidates");
        await(paths, Stage.GRAPH);
        clock.lap("graph");

        List<Ranker.Weighted> found = new ArrayList<>(paths.size());
        Evidence evidence = Evidence.NONE;
        for (Started path : paths) {
            found.add(new Ranker.Weighted(path.step().weight().applyAsDouble(weights), path.found().join()));
            evidence = evidence.and(path.found().join().evidence());
        }
        List<Ranker.Candidate> ranked = ranker.rank(found, evidence, recipe.intentBoost() ? intent : TaskIntent.NONE);
        List<RecommendationItem> items = hydrator.items(ranked, q.k(), evidence);
        clock.lap("fusion");
        String text = synthesizer.write(task, items);
        clock.lap("synthesis");
        String id = "rec-" + UUID.randomUUID();
        store.store(id, task, vector, text, recipe, q.agentId(), items);
        String storedTaskId = taskId.join();
        clock.lap("store");
        return new Recommendation(id, storedTaskId, text, recipe, items, clock.laps());
    }

    private static void await(List<Started> paths, Stage stage) {
        paths.stream().filter(p -> p.path().stage() == stage).forEach(p -> p.found().join());
    }

    /** Wall time of each pipeline stage, in microseconds, in order. */
    private static final class Stopwatch {
        private final Map<String, Long> laps = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            laps.put(stage, (now - last) / 1_000);
            last = now;
        }

        Map<String, Long> laps() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(laps));
        }
    }
}
