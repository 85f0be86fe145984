package dev.spark.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one recipe scored on one problem in one phase.
 *
 * @param problemId        DS-1000 global {@code problem_id}
 * @param library          the problem's library, as DS-1000 spells it
 * @param perturbationType the problem's perturbation type
 * @param phase            {@code cold} (empty experience), then {@code epoch1}, {@code epoch2}, ... after each
 *                         pass that let the recipe learn
 * @param label            optional short label shown in the HTML report; keep DS-1000 prompt text out of it
 *                         when the report is to be published
 * @param metrics          metric key (see {@link Metric#key()}) to value; a metric that is undefined for this
 *                         problem (e.g. NDCG without gold pages) is left out, never stored as 0 or NaN
 */
public record ProblemResult(int problemId, String library, String perturbationType, String phase, String label,
                            Map<String, Double> metrics) {

    public ProblemResult {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(perturbationType, "perturbationType");
        if (phase == null || phase.isBlank()) {
            throw new IllegalArgumentException("phase of problem " + problemId + " must not be empty");
        }
        metrics.forEach((key, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("metric " + key + " of problem " + problemId + " in " + phase
                        + " must be a finite number (leave undefined metrics out), was " + value);
            }
        });
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
