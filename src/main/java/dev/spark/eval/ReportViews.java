package dev.spark.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Choices about what to show that the HTML and Markdown writers share. */
final class ReportViews {

    private static final List<String> CHARTED = List.of(
            Metric.NDCG_AT_10.key(), Metric.RECALL_AT_10.key(), Metric.MRR_AT_10.key(), Metric.API_RECALL_AT_10.key());

    private ReportViews() {
    }

    /** The metrics drawn in the overview chart: the four headline ones present, else every metric. */
    static List<String> chartedMetrics(EvalReport report) {
        List<String> charted = CHARTED.stream().filter(report.metrics()::contains).toList();
        return charted.isEmpty() ? report.metrics() : charted;
    }

    /**
     * Each recipe's last phase: what it reached after all the learning it did, the figure to compare
     * recipes on.
     */
    static Map<String, String> headlinePhases(EvalReport report) {
        Map<String, String> last = new LinkedHashMap<>();
        report.byRecipe().forEach(a -> last.put(a.recipe(), a.phase()));
        return last;
    }

    /** {@code recipe · phase}, or just the recipe when it ran a single phase. */
    static String label(EvalReport report, String recipe, String phase) {
        long phases = report.byRecipe().stream().filter(a -> a.recipe().equals(recipe)).count();
        return phases > 1 ? recipe + " · " + phase : recipe;
    }

    static List<String> groups(List<Aggregate> aggregates, Comparator<String> order) {
        Set<String> groups = new TreeSet<>(order);
        aggregates.forEach(a -> groups.add(a.group()));
        return new ArrayList<>(groups);
    }

    static List<String> phases(List<Aggregate> aggregates) {
        Set<String> phases = new TreeSet<>(Aggregator.PHASE_ORDER);
        aggregates.forEach(a -> phases.add(a.phase()));
        return new ArrayList<>(phases);
    }

    static List<String> recipes(List<Aggregate> aggregates) {
        Set<String> recipes = new LinkedHashSet<>();
        aggregates.forEach(a -> recipes.add(a.recipe()));
        return new ArrayList<>(recipes);
    }

    static Aggregate find(List<Aggregate> aggregates, String recipe, String phase, String group) {
        return aggregates.stream()
                .filter(a -> a.recipe().equals(recipe) && a.phase().equals(phase) && a.group().equals(group))
                .findFirst().orElse(null);
    }
}
