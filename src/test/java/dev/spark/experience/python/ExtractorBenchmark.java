package dev.spark.experience.python;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spark.experience.Ds1000DevSet;
import dev.spark.experience.Ds1000DevSet.Problem;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Recall on the DS-1000 dev labels and time per trace of the API extractor, for comparing rule changes or other
 * extractors. Not part of the default test run (surefire includes *Test and *Properties only); run with
 * {@code ./mvnw -B -o test -Dtest=ExtractorBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, optionally with
 * {@code -Dspark.benchmark.warmup=N -Dspark.benchmark.rounds=N}.
 */
@Tag("benchmark")
class ExtractorBenchmark {

    private static final int WARM_UP_ROUNDS = Integer.getInteger("spark.benchmark.warmup", 20);
    private static final int MEASURED_ROUNDS = Integer.getInteger("spark.benchmark.rounds", 10);

    @Test
    void recallAndTimePerTraceOnTheDevSet() throws IOException {
        Optional<Path> file = Ds1000DevSet.file();
        assumeTrue(file.isPresent(), "DS-1000 dev file not found in the shared data directory");
        List<Problem> problems = Ds1000DevSet.read(file.get());
        TokenApiExtractor extractor = new TokenApiExtractor();

        int labels = 0;
        int recovered = 0;
        for (Problem p : problems) {
            Set<String> found = extractor.extract(p.code(), List.of(p.library()));
            for (String api : p.apis()) {
                labels++;
                recovered += found.contains(api) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "DS-1000 dev: %d problems, mean code length %d chars, API recall %.3f (%d of %d labels)%n",
                problems.size(), (int) problems.stream().mapToInt(p -> p.code().length()).average().orElse(0),
                (double) recovered / labels, recovered, labels);

        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Problem p : problems) {
                extractor.extract(p.code(), List.of(p.library()));
            }
        }
        // Thread CPU time as well as wall time: on a shared machine the wall-clock tail is mostly other processes.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int samples = problems.size() * MEASURED_ROUNDS;
        long[] wall = new long[samples];
        long[] cpu = new long[samples];
        int s = 0;
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            for (Problem p : problems) {
                List<String> hints = List.of(p.library());
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                extractor.extract(p.code(), hints);
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                wall[s] = t1 - t0;
                cpu[s] = c1 - c0;
                s++;
            }
        }
        System.out.printf(Locale.ROOT, "time per trace over %d extractions (%d rounds after %d warm-up rounds):%n",
                samples, MEASURED_ROUNDS, WARM_UP_ROUNDS);
        times("thread CPU", cpu);
        times("wall", wall);
    }

    private static void times(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-10s median %7.1f us   p99 %7.1f us   mean %7.1f us   max %8.1f us%n", name,
                sorted[sorted.length / 2] / 1e3, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e3,
                Arrays.stream(sorted).average().orElse(0) / 1e3, sorted[sorted.length - 1] / 1e3);
    }
}
