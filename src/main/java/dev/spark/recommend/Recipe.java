package dev.spark.recommend;

import dev.spark.knowledge.SearchProperties;
import dev.spark.recommend.retrieval.ApiWalk;
import dev.spark.recommend.retrieval.DocumentsByText;
import dev.spark.recommend.retrieval.DocumentsByVector;
import dev.spark.recommend.retrieval.LessonsByText;
import dev.spark.recommend.retrieval.LessonsByVector;
import dev.spark.recommend.retrieval.RetrievalPath;
import dev.spark.recommend.retrieval.SimilarTaskTraces;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Named configurations of the one retrieval pipeline; the evaluation compares them side by side. Each recipe is
 * the list of {@link RetrievalPath retrieval paths} it runs, each with its weight in reciprocal-rank fusion
 * (read from {@code spark.search.*} and {@code spark.recommend.*}); the list's order is the order in which the
 * paths' votes are added, which is the order of an item's reasons. Adding a path is one class and one line here.
 */
public enum Recipe {

    /**
     * Documentation by BM25 only, for every query however long: the lexical baseline.
     * Paths: documentation by full text (weight 1).
     */
    FULLTEXT(false,
            step(DocumentsByText.class, w -> 1.0)),

    /**
     * Documentation by embedding similarity only: the semantic baseline.
     * Paths: documentation by embedding ({@code spark.search.vector-weight}).
     */
    VECTOR(false,
            step(DocumentsByVector.class, w -> w.search().vectorWeight())),

    /**
     * Documentation by both indexes, fused as documentation search fuses them.
     * Paths: documentation by embedding ({@code spark.search.vector-weight}); documentation by full text
     * ({@code spark.search.fulltext-weight}) when BM25 suits the query (at most {@code spark.search.fulltext-max-terms}
     * distinct terms).
     */
    HYBRID(false,
            step(DocumentsByVector.class, w -> w.search().vectorWeight()),
            gated(DocumentsByText.class, w -> w.search().fulltextWeight())),

    /**
     * Hybrid documentation plus experience: lessons, similar past tasks and the graph walks from them.
     * Paths: the two documentation paths of {@link #HYBRID}; lessons by embedding ({@code spark.recommend.lesson-weight});
     * lessons by full text (half the lesson weight, with the same BM25 gate); similar tasks and their traces
     * (examples, pitfalls, lessons and their APIs' documentation, each weighted by its own
     * {@code spark.recommend.*-weight} times the task's similarity); the API walk from the APIs the task names and
     * those of the best documentation to their lessons and known failures ({@code named-api-weight},
     * {@code api-walk-weight}). Documentation of a library the task is about is boosted
     * ({@code spark.recommend.intent-library-boost}).
     */
    FULL(true,
            step(DocumentsByVector.class, w -> w.search().vectorWeight()),
            gated(DocumentsByText.class, w -> w.search().fulltextWeight()),
            step(LessonsByVector.class, w -> w.recommend().lessonWeight()),
            gated(LessonsByText.class, w -> w.recommend().lessonWeight() * 0.5),
            step(SimilarTaskTraces.class, w -> 1.0),
            step(ApiWalk.class, w -> 1.0));

    /** The configured weights a step's weight is read from. */
    public record Weights(RecommendProperties recommend, SearchProperties search) {
    }

    /**
     * One path of a recipe and its weight. A length-gated step runs only for queries BM25 suits: on long,
     * code-heavy prompts BM25 mostly adds noise (see {@code SearchProperties}).
     */
    public record Step(Class<? extends RetrievalPath> path, ToDoubleFunction<Weights> weight, boolean lengthGated) {
    }

    private final boolean intentBoost;
    private final List<Step> steps;

    Recipe(boolean intentBoost, Step... steps) {
        this.intentBoost = intentBoost;
        this.steps = List.of(steps);
    }

    /** The paths this recipe runs, in the order their votes are added. */
    public List<Step> steps() {
        return steps;
    }

    /** Whether documentation of the libraries the task is about ranks higher; the baselines stay plain rankings. */
    public boolean intentBoost() {
        return intentBoost;
    }

    private static Step step(Class<? extends RetrievalPath> path, ToDoubleFunction<Weights> weight) {
        return new Step(path, weight, false);
    }

    private static Step gated(Class<? extends RetrievalPath> path, ToDoubleFunction<Weights> weight) {
        return new Step(path, weight, true);
    }
}
