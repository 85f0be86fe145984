package dev.spark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import dev.spark.knowledge.DocumentIngestor;
import dev.spark.knowledge.IngestOptions;
import dev.spark.knowledge.IngestProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The GraphQL clients in {@code examples/} run against the service: each asks for a recommendation, then records
 * a trace that rates it. They need an interpreter this machine may lack; without one the test is skipped, saying so.
 */
@SparkIntegrationTest
class ExampleClientsTest {

    private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    @Autowired
    DocumentIngestor ingestor;

    @BeforeEach
    void knowledgeBase() {
        GraphFixtures.clear(graph);
        ingestor.ingest(GraphFixtures.DOCS, IngestOptions.defaults(), IngestProgress.NONE);
    }

    @Test
    void thePythonClientGetsARecommendationAndRecordsATraceThatRatesIt() throws Exception {
        assumeTrue(output(List.of("python3", "--version")).isPresent(),
                "python3 is not on the PATH: examples/python/spark_client.py was not run");

        Run run = run(List.of("python3", "examples/python/spark_client.py", "--url", graphqlUrl(), "--agent", "python-example"));

        assertRecommendedAndRecorded(run, "python-example");
    }

    @Test
    void theTypeScriptClientGetsARecommendationAndRecordsATraceThatRatesIt() throws Exception {
        Optional<String> version = output(List.of("node", "--version"));
        assumeTrue(version.isPresent(), "node is not on the PATH: examples/typescript/spark_client.ts was not run");
        Matcher v = NODE_VERSION.matcher(version.get());
        assumeTrue(v.find() && (Integer.parseInt(v.group(1)) > 22 || Integer.parseInt(v.group(1)) == 22 && Integer.parseInt(v.group(2)) >= 6),
                "node " + version.get().strip() + " cannot run TypeScript (needs 22.6+ for --experimental-strip-types): "
                        + "examples/typescript/spark_client.ts was not run; with Node 22.6+ it runs as "
                        + "node --experimental-strip-types examples/typescript/spark_client.ts http://127.0.0.1:8080/graphql");

        Run run = run(List.of("node", "--experimental-strip-types", "--no-warnings", "examples/typescript/spark_client.ts",
                graphqlUrl(), "typescript-example"));

        assertRecommendedAndRecorded(run, "typescript-example");
    }

    private void assertRecommendedAndRecorded(Run run, String agent) {
        assertThat(run.exit()).as(run.stderr()).isZero();
        Matcher recommendation = Pattern.compile("(?m)^recommendation (rec-\\S+)$").matcher(run.stdout());
        assertThat(recommendation.find()).as(run.stdout()).isTrue();
        assertThat(run.stdout()).containsPattern("(?m)^\\[1\\] DOCUMENTATION .*\\(https?://\\S+\\)$")
                .containsPattern("(?m)^trace trace-\\S+ apis: numpy.sort$");
        assertThat(GraphFixtures.count(graph, "MATCH (:Agent {id: '" + agent + "'})-[:RECORDED]->(:Trace)-[:FOLLOWED {rating: 4}]->"
                + "(:Recommendation {id: '" + recommendation.group(1) + "'}) RETURN count(*)")).isEqualTo(1);
    }

    private String graphqlUrl() {
        return "http://127.0.0.1:" + port + "/graphql";
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile()).start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = read(process.getInputStream());
        CompletableFuture<String> stderr = read(process.getErrorStream());
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 3 minutes");
        }
        return new Run(process.exitValue(), stdout.join(), stderr.join());
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** What a command prints, when it can be started and exits 0. */
    private static Optional<String> output(List<String> command) {
        try {
            Run run = run(command);
            return run.exit() == 0 ? Optional.of(run.stdout() + run.stderr()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
