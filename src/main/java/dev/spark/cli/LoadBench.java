package dev.spark.cli;

import dev.spark.experience.ExperienceAdmin;
import dev.spark.graph.WriteBehind;
import dev.spark.knowledge.DocumentIngestor;
import dev.spark.knowledge.IngestOptions;
import dev.spark.knowledge.IngestReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Concurrent agents against the service over HTTP on loopback: a fixed number of recordTrace and recommend calls,
 * shuffled together, then a check that every acknowledged trace is stored exactly once (found by a marker that only
 * this run's agent ids carry).
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Start the service on a fresh embedded database (loopback, a free port, rate limits off, scheduled "
                + "curation off), send recordTrace and recommend calls from concurrent agents over HTTP GraphQL, stop, "
                + "then check that no acknowledged trace was lost or stored twice. Exits 1 when one was, or a call failed.")
final class LoadBench implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RECORD = "mutation($t: TraceInput!) { recordTrace(trace: $t) { traceId } }";
    private static final String RECOMMEND = "query($task: TaskInput!, $agent: String) { recommend(task: $task, agentId: $agent, k: 8) { id items { ref } } }";
    private static final String[] TASKS = {
            "Select rows %d of a DataFrame by integer position",
            "Sort a numpy array of %d records stably by one key",
            "Group a DataFrame by %d categories and sum each group",
            "Concatenate %d numpy arrays along the first axis",
            "Fill missing values in column %d with the column mean"};
    private static final String[] CODE = {
            "import pandas as pd\nresult = df.iloc[rows]",
            "import numpy as np\norder = np.argsort(keys, kind='stable')",
            "import pandas as pd\nresult = df.groupby('key').sum()",
            "import numpy as np\nresult = np.concatenate([a, b], axis=0)",
            "import pandas as pd\ndf['x'] = df['x'].fillna(df['x'].mean())"};

    @Option(names = "--home", description = "database directory (default: a new temporary one)")
    Path home;

    @Option(names = "--docs", description = "a small documentation corpus to ingest first (default: none, an empty knowledge base)")
    Path docs;

    @Option(names = "--agents", defaultValue = "32", description = "concurrent agents (default ${DEFAULT-VALUE})")
    int agents;

    @Option(names = "--traces", defaultValue = "10000", description = "recordTrace calls (default ${DEFAULT-VALUE})")
    int traces;

    @Option(names = "--recommends", defaultValue = "10000", description = "recommend calls (default ${DEFAULT-VALUE})")
    int recommends;

    @Option(names = "--timeout", defaultValue = "PT60S", description = "per call (default ${DEFAULT-VALUE})")
    Duration timeout;

    private final ContextLauncher launcher;

    LoadBench(ContextLauncher launcher) {
        this.launcher = launcher;
    }

    private enum Op { TRACE, RECOMMEND }

    private record Call(Op op, long nanos, boolean ok, String traceId, String error) {
    }

    @Override
    public Integer call() throws Exception {
        if (agents < 1 || traces < 0 || recommends < 0 || traces + recommends == 0) {
            System.err.println("spark bench load: --agents must be at least 1 and --traces plus --recommends at least 1");
            return ExitCodes.USAGE;
        }
        Path dir = home != null ? home : Files.createTempDirectory("spark-load-");
        String run = "load-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> report = new ArrayList<>();
        report.add("Machine: " + Machine.describe() + "; database: " + dir);
        // every agent is its own client to the rate limiter; the bench measures the service, not the limiter
        Map<String, Object> props = Map.of("spark.rate-limit.enabled", false, "spark.curation.schedule", "-");
        try (var context = launcher.privateService(dir, props)) {
            String corpus = "none (an empty knowledge base)";
            if (docs != null) {
                IngestReport ingested = context.getBean(DocumentIngestor.class).ingest(docs, IngestOptions.defaults(), new TerminalProgress("Ingest"));
                corpus = docs + " (" + ingested.read() + " records)";
            }
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            URI endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
            report.add("Documentation: " + corpus + ". Rate limits off (spark.rate-limit.enabled=false), scheduled curation off.");

            List<Op> ops = new ArrayList<>(traces + recommends);
            for (int i = 0; i < traces; i++) {
                ops.add(Op.TRACE);
            }
            for (int i = 0; i < recommends; i++) {
                ops.add(Op.RECOMMEND);
            }
            Collections.shuffle(ops, new Random(11));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(4)).build();
            warmUp(http, endpoint, run);

            AtomicInteger next = new AtomicInteger();
            List<Call> calls = Collections.synchronizedList(new ArrayList<>(ops.size()));
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(agents);
            long t0 = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                String agent = run + a;
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ops.size(); i = next.getAndIncrement()) {
                        Call call = send(http, endpoint, ops.get(i), agent, i);
                        calls.add(call);
                        if (call.ok() && call.traceId() != null) {
                            acknowledged.add(call.traceId());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();

            // recommendations are stored behind the response; let them land before the store is read
            context.getBean(WriteBehind.class).flush(Duration.ofMinutes(10));
            List<String> stored = context.getBean(ExperienceAdmin.class).traceIdsOfAgents(run);
            Set<String> distinct = new HashSet<>(stored);
            long lost = acknowledged.stream().filter(id -> !distinct.contains(id)).count();
            long duplicated = stored.size() - distinct.size();
            long unacknowledged = distinct.stream().filter(id -> !acknowledged.contains(id)).count();

            report.add(String.format("%d agents, %d recordTrace and %d recommend calls shuffled together, in %.1f s: %.0f calls/s.",
                    agents, traces, recommends, seconds, ops.size() / seconds));
            report.add("");
            report.add("| operation | calls | failed | p50 ms | p90 ms | p99 ms | mean ms | calls/s |");
            report.add("|---|---|---|---|---|---|---|---|");
            for (Op op : Op.values()) {
                List<Long> nanos = calls.stream().filter(c -> c.op() == op && c.ok()).map(Call::nanos).toList();
                long failed = calls.stream().filter(c -> c.op() == op && !c.ok()).count();
                Stats s = Stats.ofNanos(nanos);
                report.add(String.format("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f |", op == Op.TRACE ? "recordTrace" : "recommend",
                        nanos.size() + failed, failed, s.p50(), s.p90(), s.p99(), s.mean(), nanos.size() / seconds));
            }
            report.add("");
            report.add(String.format("Traces: %d acknowledged, %d stored for this run's agents (marker %s*): %d lost, %d stored twice, "
                    + "%d stored without acknowledgement.", acknowledged.size(), stored.size(), run, lost, duplicated, unacknowledged));
            calls.stream().filter(c -> !c.ok()).map(Call::error).distinct().limit(5).forEach(e -> report.add("Failure: " + e));
            long[] rss = Machine.residentMiB();
            report.add(String.format("Resident memory of the process (service and clients): %d MiB now, %d MiB peak.", rss[0], rss[1]));
            System.out.println(String.join("\n", report));
            boolean failures = calls.stream().anyMatch(c -> !c.ok());
            return lost == 0 && duplicated == 0 && unacknowledged == 0 && !failures ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private void warmUp(HttpClient http, URI endpoint, String run) {
        for (int i = 0; i < 20; i++) { // not measured; these traces belong to another marker
            send(http, endpoint, Op.TRACE, "warmup-" + run, -1 - i);
            send(http, endpoint, Op.RECOMMEND, "warmup-" + run, -1 - i);
        }
    }

    private Call send(HttpClient http, URI endpoint, Op op, String agent, int i) {
        int variant = Math.floorMod(i, TASKS.length);
        String task = String.format(TASKS[variant], Math.floorMod(i, 400));
        Map<String, Object> body = op == Op.TRACE
                ? Map.of("query", RECORD, "variables", Map.of("t", Map.of(
                        "agent", Map.of("id", agent, "model", "load"),
                        "task", Map.of("text", task),
                        "attempt", CODE[variant] + "  # call " + i,
                        "outcome", i % 3 == 0 ? "FAILURE" : "SUCCESS",
                        "lessons", i % 4 == 0 ? List.of("Check the shape of the input before " + task.toLowerCase() + ".") : List.of())))
                : Map.of("query", RECOMMEND, "variables", Map.of("task", Map.of("text", task + " (ask " + i + ")"), "agent", agent));
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - started;
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !answer.path("errors").isEmpty()) {
                return new Call(op, nanos, false, null, "HTTP " + response.statusCode() + " " + answer.path("errors"));
            }
            String traceId = op == Op.TRACE ? answer.path("data").path("recordTrace").path("traceId").asString(null) : null;
            return new Call(op, nanos, op != Op.TRACE || traceId != null, traceId, null);
        } catch (IOException e) {
            return new Call(op, System.nanoTime() - started, false, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Call(op, System.nanoTime() - started, false, null, e.toString());
        }
    }
}
