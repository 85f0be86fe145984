package dev.spark.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Means of every metric over one group of one recipe's results in one phase.
 *
 * @param recipe   the recipe
 * @param phase    the phase ({@code cold}, {@code epoch1}, ...)
 * @param group    what the problems have in common: {@value #ALL} for every problem, a library, or a
 *                 perturbation type, depending on the list the aggregate is in
 * @param problems distinct problems in the group
 * @param metrics  metric key to mean; metrics defined on none of the problems are left out
 */
public record Aggregate(String recipe, String phase, String group, int problems, Map<String, Mean> metrics) {

    public static final String ALL = "All";

    public Aggregate {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The mean of a metric, or NaN when it is undefined for the whole group. */
    public double mean(String metricKey) {
        Mean m = metrics.get(metricKey);
        return m == null ? Double.NaN : m.mean();
    }
}
