package dev.spark.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Means with 95% percentile intervals from resampling whole units (perturbation groups) with replacement. */
final class Bootstrap {

    static final int RESAMPLES = 2_000;

    /** A mean and its 95% interval; NaN bounds when there is nothing to resample. */
    record Estimate(double mean, double low, double high, int n) {
    }

    private Bootstrap() {
    }

    static Estimate of(List<Double> unitValues, long seed) {
        int n = unitValues.size();
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] values = unitValues.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        Random random = new Random(seed);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        return new Estimate(mean, means[(int) Math.floor(0.025 * (RESAMPLES - 1))], means[(int) Math.ceil(0.975 * (RESAMPLES - 1))], n);
    }
}
