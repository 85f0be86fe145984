package dev.spark.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import tools.jackson.databind.JsonNode;

/**
 * SIGKILL of the service while agents record traces, then while curation runs, each followed by a restart on the
 * same store. The two faults share one store and the restart between them, because every start of the child JVM
 * costs 15-25 s: the traces recorded (and acknowledged) before the first kill are the backlog the killed curation
 * run works through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillDuringWritesTest {

    private static final Duration START = Duration.ofMinutes(3);
    private static final int CLIENTS = 8;
    /** Lesson texts repeat across agents, so that curation merges some and the merge counts can be checked. */
    private static final List<String> LESSONS = List.of(
            "Use df.iloc for integer positions; df.loc selects by label and raises KeyError for missing labels.",
            "Pass kind='mergesort' to numpy.argsort when equal elements must keep their order.",
            "Call DataFrame.reset_index(drop=True) after filtering when later code expects positions 0..n-1.",
            "numpy.concatenate needs a tuple or list of arrays, not the arrays as separate arguments.");
    private static final Map<String, String> SETTINGS = Map.of(
            // short lease and small batches: a killed run's lease expires in seconds and is renewed often
            "spark.curation.lease-ttl", "5s",
            "spark.curation.batch-size", "10",
            "logging.level.dev.spark", "INFO");

    private Path home;
    private SparkProcess spark;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final String marker = "crash-" + Long.toHexString(System.nanoTime());

    @BeforeAll
    void start(@TempDir Path dir) {
        home = dir.resolve("neo4j");
        long t0 = System.nanoTime();
        spark = SparkProcess.serve(home, SETTINGS).awaitHealthy(START);
        System.out.printf("first start: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    @Order(1)
    void everyAcknowledgedTraceIsStoredExactlyOnceAfterAKillDuringRecording() throws Exception {
        int killAfter = ThreadLocalRandom.current().nextInt(100, 180);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                while (!stop.get()) {
                    int n = sent.incrementAndGet();
                    try {
                        JsonNode answer = spark.graphQl(RECORD, trace(client, n), Duration.ofSeconds(30));
                        String id = answer.path("data").path("recordTrace").path("traceId").asString(null);
                        if (id != null && answer.path("errors").isEmpty()) {
                            acknowledged.add(id);
                        } else {
                            refused.add(answer.toString());
                        }
                    } catch (IOException | RuntimeException killedMidRequest) {
                        // no answer, no acknowledgement: the trace may or may not be stored
                    }
                }
                return null;
            });
        }
        while (acknowledged.size() < killAfter) {
            assertThat(spark.alive()).as("service alive while recording").isTrue();
            SparkProcess.pause(5);
        }
        int status = spark.kill();
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(status).as("killed by SIGKILL").isEqualTo(SparkProcess.KILLED);
        assertThat(refused).as("answers that refused a trace").isEmpty();
        Set<String> acked = Set.copyOf(acknowledged);
        System.out.printf("recordTrace: killed after %d acknowledged of %d sent%n", acked.size(), sent.get());

        spark = SparkProcess.serve(home, SETTINGS).awaitHealthy(START);
        try (Driver driver = driver()) {
            List<Record> stored = driver.executableQuery("""
                    MATCH (t:Trace) WHERE t.attempt CONTAINS $marker
                    RETURN t.id AS id, count { (t)<-[:RECORDED]-(:Agent) } AS agents, count { (t)-[:ATTEMPTED]->(:Task) } AS tasks,
                           t:Uncurated AS uncurated""").withParameters(Map.of("marker", marker)).execute().records();
            Map<String, Long> copies = new java.util.HashMap<>();
            stored.forEach(r -> copies.merge(r.get("id").asString(), 1L, Long::sum));
            assertThat(copies.keySet()).as("every acknowledged trace is stored").containsAll(acked);
            assertThat(copies.values()).as("each trace exactly once").allMatch(n -> n == 1);
            assertThat(stored).as("every stored trace is whole: its agent, its task, queued for curation")
                    .allMatch(r -> r.get("agents").asLong() == 1 && r.get("tasks").asLong() == 1 && r.get("uncurated").asBoolean());
            // a trace that was committed but not acknowledged can only be one in flight when the process died
            assertThat(stored.size()).isLessThanOrEqualTo(acked.size() + CLIENTS);
        }
    }

    @Test
    @Order(2)
    void aCurationRunKilledMidwayLeavesEveryTraceWhollyCuratedOrUntouchedAndTheNextRunFinishes() throws Exception {
        long pending = pending();
        assertThat(pending).as("the traces of the first fault are the backlog").isGreaterThan(90);
        double killAt = ThreadLocalRandom.current().nextDouble(0.1, 0.6);
        CompletableFuture<JsonNode> run = CompletableFuture.supplyAsync(() -> {
            try {
                return spark.graphQl("mutation { curate { traces } }", Map.of(), Duration.ofMinutes(5));
            } catch (IOException | InterruptedException killed) {
                return null;
            }
        });
        long curated = 0;
        try (Driver driver = driver()) {
            while (curated < killAt * pending) {
                assertThat(run).as("the run is still going when the kill is due").isNotDone();
                curated = pending - count(driver, "MATCH (t:Trace:Uncurated) RETURN count(t)");
                SparkProcess.pause(20);
            }
        }
        int status = spark.kill();
        assertThat(status).isEqualTo(SparkProcess.KILLED);
        System.out.printf("curate: killed after about %d of %d traces%n", curated, pending);

        spark = SparkProcess.serve(home, SETTINGS).awaitHealthy(START);
        try (Driver driver = driver()) {
            long left = count(driver, "MATCH (t:Trace:Uncurated) RETURN count(t)");
            assertThat(left).as("the kill came mid-run").isBetween(1L, pending - 1);
            assertConsistent(driver);
            assertThat(count(driver, "MATCH (r:CurationRun {status: 'RUNNING'}) RETURN count(r)"))
                    .as("the killed run stays recorded as RUNNING").isEqualTo(1);

            // the dead run's lease blocks new runs until it expires (lease-ttl 5 s), then the next run takes over
            JsonNode report = curateOnceTheLeaseIsFree(Duration.ofSeconds(60));
            assertThat(report.path("data").path("curate").path("traces").asLong()).isEqualTo(left);
            assertThat(count(driver, "MATCH (t:Trace:Uncurated) RETURN count(t)")).isZero();
            assertConsistent(driver);
            assertThat(count(driver, "MATCH (l:Lesson {status: 'MERGED'}) RETURN count(l)")).as("repeated lessons merged").isPositive();
        }
    }

    /** The invariants of a curated store (docs/curation.md): no half-applied trace, merge or count. */
    private static void assertConsistent(Driver driver) {
        assertThat(count(driver, "MATCH (l:Lesson) WHERE NOT (l)-[:LEARNED_FROM]->(:Trace) RETURN count(l)"))
                .as("lessons without provenance").isZero();
        assertThat(count(driver, "MATCH (t:Trace:Uncurated)<-[:LEARNED_FROM]-(:Lesson) RETURN count(t)"))
                .as("uncurated traces that already gave lessons").isZero();
        assertThat(count(driver, """
                MATCH (t:Trace) WHERE NOT t:Uncurated AND size(coalesce(t.lessons, [])) > 0
                  AND count { (t)<-[:LEARNED_FROM {role: 'source'}]-(l:Lesson) WHERE l.kind = 'agent' } < size(t.lessons)
                RETURN count(t)""")).as("curated traces missing some of their agent's lessons").isZero();
        assertThat(count(driver, """
                MATCH (d:Lesson {status: 'MERGED'})
                WHERE count { (d)-[:MERGED_INTO]->(:Lesson) } <> 1 OR d.embedding IS NOT NULL
                RETURN count(d)""")).as("merged duplicates not pointing at exactly one canonical lesson").isZero();
        assertThat(count(driver, """
                MATCH (c:Lesson) WHERE c.status <> 'MERGED'
                  AND (c.support <> 1 + count { (c)<-[:MERGED_INTO]-(:Lesson) } OR c.successes + c.failures <> c.support)
                RETURN count(c)""")).as("canonical lessons whose support does not count their duplicates").isZero();
        assertThat(count(driver, """
                MATCH (c:Lesson) WHERE c.status <> 'MERGED'
                CALL (c) {
                  OPTIONAL MATCH (c)<-[:MERGED_INTO*0..1]-(:Lesson)-[lf:LEARNED_FROM]->(:Trace)<-[:RECORDED]-(a:Agent)
                  WHERE coalesce(lf.role, 'source') <> 'failure'
                  RETURN count(DISTINCT a) AS agents
                }
                WITH c, agents WHERE c.agents <> agents
                RETURN count(c)""")).as("canonical lessons whose agent count is stale").isZero();
    }

    private JsonNode curateOnceTheLeaseIsFree(Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonNode answer = spark.graphQl("mutation { curate { traces } }", Map.of(), Duration.ofMinutes(5));
            boolean held = answer.path("errors").valueStream().anyMatch(e -> "CURATION_RUNNING".equals(e.path("extensions").path("code").asString(null)));
            if (!held) {
                assertThat(answer.path("errors").isEmpty()).as(answer.toString()).isTrue();
                return answer;
            }
            assertThat(System.nanoTime()).as("the dead run's lease expired").isLessThan(deadline);
            SparkProcess.pause(500);
        }
    }

    private long pending() {
        try (Driver driver = driver()) {
            return count(driver, "MATCH (t:Trace:Uncurated) RETURN count(t)");
        }
    }

    private Driver driver() {
        return GraphDatabase.driver(spark.boltUri(), AuthTokens.none());
    }

    private static long count(Driver driver, String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get(0).asLong();
    }

    private static final String RECORD = """
            mutation($trace: TraceInput!) { recordTrace(trace: $trace) { traceId } }""";

    private Map<String, Object> trace(int client, int n) {
        boolean success = n % 3 == 0;
        int task = n % 20;
        Map<String, Object> trace = new java.util.HashMap<>(Map.of(
                "agent", Map.of("id", "crash-agent-" + client, "model", "test"),
                "task", Map.of("text", "Select rows " + task + " of a DataFrame by their positions", "libraries", List.of("pandas")),
                "attempt", "import pandas as pd\nresult = df." + (success ? "iloc" : "loc") + "[rows]  # " + marker + " " + n,
                "outcome", success ? "SUCCESS" : "FAILURE",
                "lessons", List.of(LESSONS.get(n % LESSONS.size()))));
        if (!success) {
            trace.put("error", "KeyError: '[" + task + "] not in index'");
        }
        return Map.of("trace", trace);
    }
}
