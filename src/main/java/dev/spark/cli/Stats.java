package dev.spark.cli;

import java.util.Arrays;
import java.util.List;

/** Percentiles of latency samples, in milliseconds. */
record Stats(int n, double p50, double p90, double p99, double mean) {

    static Stats ofNanos(List<Long> nanos) {
        double[] ms = nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        if (ms.length == 0) {
            return new Stats(0, 0, 0, 0, 0);
        }
        return new Stats(ms.length, percentile(ms, 50), percentile(ms, 90), percentile(ms, 99), Arrays.stream(ms).average().orElse(0));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    String row(String label) {
        return String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f |", label, n, p50, p90, p99, mean);
    }

    static String header() {
        return "| what | n | p50 ms | p90 ms | p99 ms | mean ms |\n|---|---|---|---|---|---|";
    }
}
