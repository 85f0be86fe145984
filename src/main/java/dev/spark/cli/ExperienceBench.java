package dev.spark.cli;

import dev.spark.eval.Ds1000Reader;
import dev.spark.experience.EmbeddingBackfill;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceRecorder;
import dev.spark.recommend.Recipe;
import dev.spark.recommend.RecommendQuery;
import dev.spark.recommend.Recommendation;
import dev.spark.recommend.RetrievalAgent;
import dev.spark.recommend.retrieval.ItemHydrator;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "experience", mixinStandardHelpOptions = true,
        description = "Record traces and measure recordTrace latency and throughput, then recommend latency "
                + "without an LLM (single client and concurrent clients) with the share of each pipeline stage. "
                + "Use --home with a database that already holds the documentation corpus.")
final class ExperienceBench implements Callable<Integer> {

    private static final String[] ERRORS = {
            "Traceback (most recent call last):\n  File \"solution.py\", line 7, in <module>\n    result = df['%s']\nKeyError: '%s'",
            "Traceback (most recent call last):\n  File \"solution.py\", line 3, in <module>\nValueError: operands could not be broadcast together with shapes (%d,) (%d,)",
            "Traceback (most recent call last):\n  File \"solution.py\", line 9, in <module>\nTypeError: unsupported operand type(s) for +: 'int' and 'str' (%s)"};

    @Option(names = "--home", required = true, description = "database directory holding the documentation corpus")
    Path home;

    @Option(names = "--problems", defaultValue = SharedData.PROBLEMS, description = "DS-1000 problems (prompts and code)")
    Path problems;

    @Option(names = "--traces", defaultValue = "10000", description = "traces to record (default ${DEFAULT-VALUE}; 0 measures recommend on the traces already stored)")
    int traces;

    @Option(names = "--tasks", defaultValue = "2000", description = "distinct tasks the traces are spread over (default ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--queries", defaultValue = "200", description = "recommend calls per client setting (default ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--clients", defaultValue = "8", description = "concurrent clients (default ${DEFAULT-VALUE})")
    int clients;

    private final ContextLauncher launcher;

    ExperienceBench(ContextLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        List<String[]> promptsAndCode = load(problems);
        List<String> report = new ArrayList<>();
        report.add("Machine: " + Machine.describe() + "; database: " + home);
        try (var context = launcher.privateDatabase(home, Map.of())) {
            TraceRecorder recorder = context.getBean(TraceRecorder.class);
            EmbeddingBackfill backfill = context.getBean(EmbeddingBackfill.class);
            RetrievalAgent agent = context.getBean(RetrievalAgent.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Random random = new Random(7);

            List<TraceInput> inputs = new ArrayList<>(traces);
            for (int i = 0; i < traces; i++) {
                int task = i % tasks;
                String[] p = promptsAndCode.get(task % promptsAndCode.size());
                Outcome outcome = Outcome.values()[random.nextInt(3)];
                String error = outcome == Outcome.SUCCESS ? null
                        : String.format(ERRORS[random.nextInt(ERRORS.length)].replace("%d", "%s"), "col" + random.nextInt(50), "col" + random.nextInt(50));
                List<String> lessons = random.nextInt(4) == 0 ? List.of("Check the dtype of the column before combining values (run " + i + ").") : List.of();
                inputs.add(new TraceInput("bench-agent-" + (i % 50), "bench-model",
                        new TaskInput(p[0] + "\n# variant " + task, null, List.of(p[2])), p[1], outcome, error,
                        null, lessons, null, null));
            }
            for (int i = 0; i < Math.min(50, inputs.size()); i++) { // warm-up, not measured
                recorder.record(inputs.get(i));
            }
            List<Long> recordNanos = new ArrayList<>(traces);
            long t0 = System.nanoTime();
            for (int i = 50; i < inputs.size(); i++) {
                long a = System.nanoTime();
                recorder.record(inputs.get(i));
                recordNanos.add(System.nanoTime() - a);
            }
            double recordSeconds = (System.nanoTime() - t0) / 1e9;
            System.err.printf("recorded %d traces in %.1f s%n", recordNanos.size(), recordSeconds);
            long b0 = System.nanoTime();
            int embeddedAfter = backfill.drain();
            double backfillSeconds = (System.nanoTime() - b0) / 1e9;

            if (!recordNanos.isEmpty()) {
            report.add("");
            report.add(Stats.header());
            report.add(Stats.ofNanos(recordNanos).row("recordTrace, in-process (validation, redaction, extraction, one transaction)"));
            report.add("");
            report.add(String.format("Sustained: %d traces in %.1f s = %.0f traces/s from one client, while the backfill "
                    + "thread embedded new tasks, lessons and failure patterns alongside (off the write path, but on the "
                    + "same two cores); %d were still pending after the last trace and took %.1f s.",
                    recordNanos.size(), recordSeconds, recordNanos.size() / recordSeconds, embeddedAfter, backfillSeconds));
            }

            // query embeddings are cached: the single client, the concurrent clients and the warm-up ask different
            // prompts (every 7th of the 597 dev problems, from 0, from 1, and the 10 after the single client's), so
            // every measured call embeds its task; they stay apart for up to 200 queries
            List<String> asks = asks(promptsAndCode, 0, 0, queries);
            List<String> concurrentAsks = asks(promptsAndCode, 1, 0, queries);
            for (String warmUp : asks(promptsAndCode, 0, queries, 10)) {
                agent.recommend(new RecommendQuery(new TaskInput(warmUp, null, List.of()), null, 10, Recipe.FULL));
            }
            Map<String, double[]> pathsBefore = pathTimes(meters);
            List<Recommendation> single = new ArrayList<>();
            List<Long> singleNanos = new ArrayList<>();
            for (String ask : asks) {
                long a = System.nanoTime();
                single.add(agent.recommend(new RecommendQuery(new TaskInput(ask, null, List.of()), null, 10, Recipe.FULL)));
                singleNanos.add(System.nanoTime() - a);
            }
            List<Long> embedNanos = single.stream().map(r -> r.stageMicros().get("embed") * 1_000).toList();
            List<Long> beyondEmbed = new ArrayList<>();
            for (int i = 0; i < single.size(); i++) {
                beyondEmbed.add(singleNanos.get(i) - embedNanos.get(i));
            }
            report.add("");
            report.add(String.format("recommend (recipe FULL, k=10, template synthesis) over %d DS-1000 prompts, %d new traces recorded by this run on top of what the database held:", asks.size(), traces));
            report.add("");
            report.add(Stats.header());
            report.add(Stats.ofNanos(singleNanos).row("recommend, single client, total"));
            report.add(Stats.ofNanos(embedNanos).row("of which: embedding the task (the floor)"));
            report.add(Stats.ofNanos(beyondEmbed).row("what recommend adds on top of the embedding"));

            Map<String, Long> stageTotals = new LinkedHashMap<>();
            single.forEach(r -> r.stageMicros().forEach((stage, micros) -> stageTotals.merge(stage, micros, Long::sum)));
            long all = stageTotals.values().stream().mapToLong(Long::longValue).sum();
            report.add("");
            report.add("| stage | share of time | mean ms |\n|---|---|---|");
            stageTotals.forEach((stage, micros) -> report.add(String.format("| %s | %.1f%% | %.1f |", stage,
                    100.0 * micros / all, micros / 1000.0 / single.size())));
            report.add("");
            report.add("Retrieval paths and the items read after ranking (single client; candidates run side by side, so the stage "
                    + "takes about its slowest; so do the item reads):");
            report.add("");
            report.add("| path | runs | mean ms |\n|---|---|---|");
            pathTimes(meters).forEach((path, now) -> {
                double[] was = pathsBefore.getOrDefault(path, new double[2]);
                double runs = now[0] - was[0];
                if (runs > 0) {
                    report.add(String.format("| %s | %.0f | %.1f |", path, runs, (now[1] - was[1]) / runs));
                }
            });

            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Long> concurrentNanos = Collections.synchronizedList(new ArrayList<>());
            long c0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    for (int i = client; i < concurrentAsks.size(); i += clients) {
                        long a = System.nanoTime();
                        agent.recommend(new RecommendQuery(new TaskInput(concurrentAsks.get(i), null, List.of()), null, 10, Recipe.FULL));
                        concurrentNanos.add(System.nanoTime() - a);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double concurrentSeconds = (System.nanoTime() - c0) / 1e9;
            pool.shutdown();
            report.add("");
            report.add(Stats.header());
            report.add(Stats.ofNanos(concurrentNanos).row(clients + " concurrent clients, latency per call"));
            report.add("");
            report.add(String.format("Throughput with %d clients: %.1f recommendations/s (single client: %.1f/s).", clients,
                    concurrentNanos.size() / concurrentSeconds, single.size() / (singleNanos.stream().mapToLong(Long::longValue).sum() / 1e9)));
            List<Long> againNanos = new ArrayList<>();
            for (String ask : asks.subList(0, Math.min(50, asks.size()))) {
                long a = System.nanoTime();
                agent.recommend(new RecommendQuery(new TaskInput(ask, null, List.of()), null, 10, Recipe.FULL));
                againNanos.add(System.nanoTime() - a);
            }
            report.add("");
            report.add(Stats.header());
            report.add(Stats.ofNanos(againNanos).row("single client, a task asked again (embedding cached)"));
            long[] rss = Machine.residentMiB();
            report.add(String.format("Resident memory of the benchmark process: %d MiB now, %d MiB peak.", rss[0], rss[1]));
        }
        System.out.println(String.join("\n", report));
        return 0;
    }

    /** {@code count} prompts: the {@code from}-th and following of every 7th prompt, starting at {@code offset}. */
    private static List<String> asks(List<String[]> promptsAndCode, int offset, int from, int count) {
        List<String> asks = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            asks.add(promptsAndCode.get((i * 7 + offset) % promptsAndCode.size())[0]);
        }
        return asks;
    }

    /** Prompt, reference code and corpus library of each problem. */
    private static List<String[]> load(Path problems) throws IOException {
        return new Ds1000Reader().read(problems).stream()
                .map(p -> new String[] {p.prompt(), p.referenceCode(), p.corpusLibrary()}).toList();
    }

    /** Runs and total milliseconds of each retrieval path and of each kind of item read after ranking so far, by name. */
    private static Map<String, double[]> pathTimes(MeterRegistry meters) {
        return TimerTotals.add(TimerTotals.of(meters, "spark.recommend.path", "path"), meters, ItemHydrator.TIMER, "kind", "items read: ");
    }
}
