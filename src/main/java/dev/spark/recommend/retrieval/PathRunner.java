package dev.spark.recommend.retrieval;

import dev.spark.recommend.Recipe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs the paths a recipe lists: every path starts as soon as the paths it needs are done, so independent
 * paths run side by side and a dependent one waits only for what it reads. A path the recipe does not list
 * never runs, and a BM25 path marked as gated runs only when BM25 suits the query. Each path's own time is timed as
 * {@code spark.recommend.path} (tag {@code path}: its class), exported at {@code /actuator/prometheus}.
 */
@Component
public class PathRunner {

    /** A recipe step that runs for this query, and what it will find. */
    public record Started(Recipe.Step step, RetrievalPath path, CompletableFuture<Found> found) {
    }

    private final Map<Class<? extends RetrievalPath>, RetrievalPath> paths;
    private final RetrievalPool pool;
    private final MeterRegistry meters;

    @Autowired
    public PathRunner(List<RetrievalPath> paths, RetrievalPool pool, MeterRegistry meters) {
        this(byClass(paths), pool, meters);
    }

    /** With the path that serves each step's class given explicitly (tests stand in for real paths this way). */
    public PathRunner(Map<Class<? extends RetrievalPath>, RetrievalPath> paths, RetrievalPool pool) {
        this(paths, pool, new SimpleMeterRegistry());
    }

    /** As above, timing each path's work in {@code meters}. */
    public PathRunner(Map<Class<? extends RetrievalPath>, RetrievalPath> paths, RetrievalPool pool, MeterRegistry meters) {
        this.paths = Map.copyOf(paths);
        this.pool = pool;
        this.meters = meters;
    }

    /** The timer of one path's own work (not the time it waited for the paths it needs). */
    public static Timer timer(MeterRegistry meters, Class<? extends RetrievalPath> type) {
        return Timer.builder("spark.recommend.path").tag("path", type.getSimpleName())
                .description("one retrieval path of a recommendation").register(meters);
    }

    /** Starts the steps that apply to this query; returns them in the recipe's order. */
    public List<Started> start(List<Recipe.Step> steps, QueryContext query) {
        Map<Class<? extends RetrievalPath>, Recipe.Step> admitted = new LinkedHashMap<>();
        for (Recipe.Step step : steps) {
            if (!step.lengthGated() || query.bm25Fits()) {
                admitted.put(step.path(), step);
            }
        }
        Map<Class<? extends RetrievalPath>, CompletableFuture<Found>> futures = new HashMap<>();
        List<Started> started = new ArrayList<>();
        for (Recipe.Step step : admitted.values()) {
            started.add(new Started(step, path(step.path()), future(step.path(), admitted, futures, new HashSet<>(), query)));
        }
        return started;
    }

    private CompletableFuture<Found> future(Class<? extends RetrievalPath> type, Map<Class<? extends RetrievalPath>, Recipe.Step> admitted,
                                            Map<Class<? extends RetrievalPath>, CompletableFuture<Found>> futures,
                                            Set<Class<? extends RetrievalPath>> visiting, QueryContext query) {
        CompletableFuture<Found> known = futures.get(type);
        if (known != null) {
            return known;
        }
        if (!visiting.add(type)) {
            throw new IllegalStateException("Retrieval paths need each other in a cycle: " + visiting);
        }
        RetrievalPath path = path(type);
        Map<Class<? extends RetrievalPath>, CompletableFuture<Found>> needed = new LinkedHashMap<>();
        for (Class<? extends RetrievalPath> need : path.needs()) {
            if (admitted.containsKey(need)) {
                needed.put(need, future(need, admitted, futures, visiting, query));
            }
        }
        Timer timer = timer(meters, type);
        CompletableFuture<Found> future = needed.isEmpty()
                ? pool.async(() -> timer.record(() -> path.retrieve(query, Earlier.NONE)))
                : CompletableFuture.allOf(needed.values().toArray(CompletableFuture[]::new)).thenApplyAsync(done -> {
                    Map<Class<? extends RetrievalPath>, Found> earlier = new HashMap<>();
                    needed.forEach((need, f) -> earlier.put(need, f.join()));
                    return timer.record(() -> path.retrieve(query, new Earlier(earlier)));
                }, pool);
        futures.put(type, future);
        visiting.remove(type);
        return future;
    }

    private RetrievalPath path(Class<? extends RetrievalPath> type) {
        RetrievalPath path = paths.get(type);
        if (path == null) {
            throw new IllegalStateException("No retrieval path " + type.getSimpleName() + " is registered");
        }
        return path;
    }

    private static Map<Class<? extends RetrievalPath>, RetrievalPath> byClass(List<RetrievalPath> paths) {
        Map<Class<? extends RetrievalPath>, RetrievalPath> map = new HashMap<>();
        paths.forEach(p -> map.put(p.getClass(), p));
        return map;
    }
}
