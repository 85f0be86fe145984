package dev.spark.experience.python;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spark.experience.Ds1000DevSet;
import dev.spark.experience.Ds1000DevSet.Problem;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Recall on the DS-1000 dev labels and time per trace of the token extractor and the tree-sitter one, side by
 * side in one JVM. Not part of the default test run (surefire includes *Test and *Properties only); run with
 * {@code ./mvnw -B -o test -Dtest=ExtractorBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class ExtractorBenchmark {

    private static final int WARM_UP_ROUNDS = Integer.getInteger("spark.benchmark.warmup", 20);
    private static final int MEASURED_ROUNDS = Integer.getInteger("spark.benchmark.rounds", 10);

    @Test
    void compareTokenAndTreeSitterExtractors() throws IOException {
        Optional<Path> file = Ds1000DevSet.file();
        assumeTrue(file.isPresent(), "DS-1000 dev file not found in the shared data directory");
        List<Problem> problems = Ds1000DevSet.read(file.get());
        TokenApiExtractor tokens = new TokenApiExtractor();
        TreeSitterApiExtractor treeSitter = new TreeSitterApiExtractor();

        System.out.printf(Locale.ROOT, "DS-1000 dev: %d problems, %d labels, mean code length %d chars%n",
                problems.size(), problems.stream().mapToInt(p -> p.apis().size()).sum(),
                (int) problems.stream().mapToInt(p -> p.code().length()).average().orElse(0));
        report("tokens", problems, tokens::extract);
        report("tree-sitter", problems, treeSitter::extract);
        int differ = 0;
        boolean verbose = Boolean.getBoolean("spark.benchmark.verbose");
        for (Problem p : problems) {
            Set<String> byTokens = tokens.extract(p.code(), List.of(p.library()));
            Set<String> byTree = treeSitter.extract(p.code(), List.of(p.library()));
            if (!byTokens.equals(byTree)) {
                differ++;
                if (verbose) {
                    Set<String> onlyTokens = new TreeSet<>(byTokens);
                    onlyTokens.removeAll(byTree);
                    Set<String> onlyTree = new TreeSet<>(byTree);
                    onlyTree.removeAll(byTokens);
                    System.out.printf("#%d labels %s%n  only tokens %s%n  only tree-sitter %s%n", p.id(), p.apis(),
                            onlyTokens, onlyTree);
                }
            }
        }
        System.out.printf(Locale.ROOT, "problems where the two extractors' answers differ: %d%n", differ);

        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Problem p : problems) {
                tokens.extract(p.code(), List.of(p.library()));
                treeSitter.extract(p.code(), List.of(p.library()));
                treeSitter.parseOnly(p.code());
                treeSitter.parseAndCopy(p.code());
            }
        }
        // Thread CPU time as well as wall time: on a shared machine the wall-clock tail is mostly other processes.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"tokens: extract", "tree-sitter: extract", "tree-sitter: parse only",
            "tree-sitter: parse + copy tree"};
        int samples = problems.size() * MEASURED_ROUNDS;
        long[][] wall = new long[names.length][samples];
        long[][] cpu = new long[names.length][samples];
        int s = 0;
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            for (Problem p : problems) {
                List<String> hints = List.of(p.library());
                Runnable[] runs = {
                    () -> tokens.extract(p.code(), hints),
                    () -> treeSitter.extract(p.code(), hints),
                    () -> treeSitter.parseOnly(p.code()),
                    () -> treeSitter.parseAndCopy(p.code())};
                for (int k = 0; k < runs.length; k++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    runs[k].run();
                    long t1 = System.nanoTime();
                    long c1 = threads.getCurrentThreadCpuTime();
                    wall[k][s] = t1 - t0;
                    cpu[k][s] = c1 - c0;
                }
                s++;
            }
        }
        System.out.printf(Locale.ROOT, "time per trace over %d extractions each (%d rounds after %d warm-up rounds):%n",
                samples, MEASURED_ROUNDS, WARM_UP_ROUNDS);
        for (int k = 0; k < names.length; k++) {
            times(names[k] + " (thread CPU)", cpu[k]);
            times(names[k] + " (wall)", wall[k]);
        }
    }

    private static void report(String name, List<Problem> problems,
            BiFunction<String, Collection<String>, Set<String>> extractor) {
        int labels = 0;
        int recovered = 0;
        for (Problem p : problems) {
            Set<String> found = extractor.apply(p.code(), List.of(p.library()));
            for (String api : p.apis()) {
                labels++;
                recovered += found.contains(api) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%-12s API recall %.3f (%d of %d labels)%n", name,
                (double) recovered / labels, recovered, labels);
    }

    private static void times(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-44s median %7.1f us   p99 %7.1f us   mean %7.1f us   max %8.1f us%n", name,
                sorted[sorted.length / 2] / 1e3, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e3,
                Arrays.stream(sorted).average().orElse(0) / 1e3, sorted[sorted.length - 1] / 1e3);
    }
}
