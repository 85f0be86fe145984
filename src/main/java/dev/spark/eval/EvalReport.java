package dev.spark.eval;

import java.util.List;

/**
 * The outcome of an evaluation run: how it was made, the aggregates the report shows, and the per-problem
 * results they came from (kept so figures can be recomputed or resampled later).
 *
 * <p>Every aggregate list is ordered by recipe (as given), then phase ({@code cold}, {@code epoch1},
 * {@code epoch2}, ..., then any other phase alphabetically), then group ({@value Aggregate#ALL} first).
 *
 * @param format         {@value #FORMAT}; bumped when a key changes meaning
 * @param run            how the run was made
 * @param metrics        the metric keys present in the results, in display order
 * @param byRecipe       per recipe and phase, over all its problems (group {@value Aggregate#ALL})
 * @param byLibrary      per recipe, phase and library
 * @param byPerturbation per recipe, phase and perturbation type
 * @param lift           per recipe, learning phase and perturbation type (and {@value Aggregate#ALL}): the
 *                       mean of (phase minus {@code cold}) over the problems scored in both, each metric
 *                       over the problems where it is defined in both
 * @param epochCurve     per recipe with more than one phase, per phase: means over the problems scored in
 *                       every phase of that recipe (group {@value #COMMON}), so the curve is not moved by
 *                       problems coming and going
 * @param results        the per-recipe, per-problem results
 */
public record EvalReport(String format, RunInfo run, List<String> metrics, List<Aggregate> byRecipe,
                         List<Aggregate> byLibrary, List<Aggregate> byPerturbation, List<Aggregate> lift,
                         List<Aggregate> epochCurve, List<RecipeResults> results) {

    public static final String FORMAT = "spark-eval-report/1";
    public static final String COLD = "cold";
    public static final String COMMON = "common";

    public EvalReport {
        metrics = List.copyOf(metrics);
        byRecipe = List.copyOf(byRecipe);
        byLibrary = List.copyOf(byLibrary);
        byPerturbation = List.copyOf(byPerturbation);
        lift = List.copyOf(lift);
        epochCurve = List.copyOf(epochCurve);
        results = List.copyOf(results);
    }

    /** Computes every aggregate from the per-problem results. */
    public static EvalReport of(RunInfo run, List<RecipeResults> results) {
        return Aggregator.report(run, results);
    }
}
