package dev.spark.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Computes the aggregates of an {@link EvalReport} from per-problem results. */
final class Aggregator {

    private static final Pattern EPOCH = Pattern.compile("epoch(\\d{1,9})");

    /** {@code cold}, then {@code epochN} by N, then any other phase alphabetically. */
    static final Comparator<String> PHASE_ORDER = Comparator.comparingLong(Aggregator::phaseRank)
            .thenComparing(Comparator.naturalOrder());

    /** {@value Aggregate#ALL}, then the DS-1000 perturbation types from mildest, then anything else. */
    static final Comparator<String> PERTURBATION_ORDER = Comparator.comparingInt(Aggregator::perturbationRank)
            .thenComparing(Comparator.naturalOrder());

    private Aggregator() {
    }

    static EvalReport report(RunInfo run, List<RecipeResults> results) {
        List<Aggregate> byRecipe = new ArrayList<>();
        List<Aggregate> byLibrary = new ArrayList<>();
        List<Aggregate> byPerturbation = new ArrayList<>();
        List<Aggregate> lift = new ArrayList<>();
        List<Aggregate> epochCurve = new ArrayList<>();
        Set<String> recipes = new HashSet<>();
        for (RecipeResults recipe : results) {
            if (!recipes.add(recipe.recipe())) {
                throw new IllegalArgumentException("recipe " + recipe.recipe() + " is given twice");
            }
            Map<String, List<ProblemResult>> byPhase = new TreeMap<>(PHASE_ORDER);
            recipe.problems().forEach(p -> byPhase.computeIfAbsent(p.phase(), x -> new ArrayList<>()).add(p));
            byPhase.forEach((phase, problems) -> {
                byRecipe.add(aggregate(recipe.recipe(), phase, Aggregate.ALL, problems));
                grouped(problems, ProblemResult::library, Comparator.naturalOrder())
                        .forEach((library, group) -> byLibrary.add(aggregate(recipe.recipe(), phase, library, group)));
                grouped(problems, ProblemResult::perturbationType, PERTURBATION_ORDER)
                        .forEach((type, group) -> byPerturbation.add(aggregate(recipe.recipe(), phase, type, group)));
            });
            lift.addAll(lift(recipe.recipe(), byPhase));
            epochCurve.addAll(epochCurve(recipe.recipe(), byPhase));
        }
        return new EvalReport(EvalReport.FORMAT, run, metricKeys(results), byRecipe, byLibrary, byPerturbation,
                lift, epochCurve, results);
    }

    private static List<Aggregate> lift(String recipe, Map<String, List<ProblemResult>> byPhase) {
        List<ProblemResult> cold = byPhase.get(EvalReport.COLD);
        if (cold == null) {
            return List.of();
        }
        Map<Integer, ProblemResult> coldById = new HashMap<>();
        cold.forEach(p -> coldById.put(p.problemId(), p));
        List<Aggregate> lifts = new ArrayList<>();
        byPhase.forEach((phase, problems) -> {
            if (phase.equals(EvalReport.COLD)) {
                return;
            }
            // Only problems scored in both phases: a lift over different problem sets would measure the sets.
            List<ProblemResult> deltas = new ArrayList<>();
            for (ProblemResult later : problems) {
                ProblemResult before = coldById.get(later.problemId());
                if (before == null) {
                    continue;
                }
                Map<String, Double> delta = new LinkedHashMap<>();
                later.metrics().forEach((key, value) -> {
                    Double coldValue = before.metrics().get(key);
                    if (coldValue != null) {
                        delta.put(key, value - coldValue);
                    }
                });
                deltas.add(new ProblemResult(before.problemId(), before.library(), before.perturbationType(), phase,
                        before.label(), delta));
            }
            if (deltas.isEmpty()) {
                return;
            }
            lifts.add(aggregate(recipe, phase, Aggregate.ALL, deltas));
            grouped(deltas, ProblemResult::perturbationType, PERTURBATION_ORDER)
                    .forEach((type, group) -> lifts.add(aggregate(recipe, phase, type, group)));
        });
        return lifts;
    }

    private static List<Aggregate> epochCurve(String recipe, Map<String, List<ProblemResult>> byPhase) {
        if (byPhase.size() < 2) {
            return List.of();
        }
        Set<Integer> common = null;
        for (List<ProblemResult> problems : byPhase.values()) {
            Set<Integer> ids = new HashSet<>();
            problems.forEach(p -> ids.add(p.problemId()));
            if (common == null) {
                common = ids;
            } else {
                common.retainAll(ids);
            }
        }
        Set<Integer> shared = common;
        List<Aggregate> curve = new ArrayList<>();
        if (shared.isEmpty()) {
            return curve;
        }
        byPhase.forEach((phase, problems) -> curve.add(aggregate(recipe, phase, EvalReport.COMMON,
                problems.stream().filter(p -> shared.contains(p.problemId())).toList())));
        return curve;
    }

    private static Map<String, List<ProblemResult>> grouped(List<ProblemResult> problems,
                                                            Function<ProblemResult, String> key,
                                                            Comparator<String> order) {
        Map<String, List<ProblemResult>> groups = new TreeMap<>(order);
        problems.forEach(p -> groups.computeIfAbsent(key.apply(p), x -> new ArrayList<>()).add(p));
        return groups;
    }

    private static Aggregate aggregate(String recipe, String phase, String group, List<ProblemResult> problems) {
        Map<String, double[]> sums = new TreeMap<>(Comparator.comparingInt(Metric::order).thenComparing(Comparator.naturalOrder()));
        for (ProblemResult p : problems) {
            p.metrics().forEach((key, value) -> {
                double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
                sum[0] += value;
                sum[1]++;
            });
        }
        Map<String, Mean> means = new LinkedHashMap<>();
        sums.forEach((key, sum) -> means.put(key, new Mean(sum[0] / sum[1], (int) sum[1])));
        return new Aggregate(recipe, phase, group, problems.size(), means);
    }

    private static List<String> metricKeys(List<RecipeResults> results) {
        Set<String> keys = new TreeSet<>(Comparator.comparingInt(Metric::order).thenComparing(Comparator.naturalOrder()));
        results.forEach(r -> r.problems().forEach(p -> keys.addAll(p.metrics().keySet())));
        return List.copyOf(keys);
    }

    private static long phaseRank(String phase) {
        if (phase.equals(EvalReport.COLD)) {
            return 0;
        }
        Matcher epoch = EPOCH.matcher(phase);
        return epoch.matches() ? 1 + Long.parseLong(epoch.group(1)) : Long.MAX_VALUE;
    }

    private static int perturbationRank(String type) {
        if (type.equals(Aggregate.ALL)) {
            return -1;
        }
        int index = Ds1000Problem.PERTURBATION_TYPES.indexOf(type);
        return index < 0 ? Ds1000Problem.PERTURBATION_TYPES.size() : index;
    }
}
