package dev.spark.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.SparkApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spark on an external Neo4j ({@code spark.neo4j.uri}) that goes away and comes back on the same port: while it is
 * away, health is DOWN (HTTP 503) and GraphQL answers with a retryable DATABASE_UNAVAILABLE error rather than an
 * internal one; once it is back, the same service answers again without a restart. The "external" database is a
 * second embedded Neo4j in this JVM with a Bolt connector on a free port.
 */
class ExternalDatabaseOutageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnreachableDatabaseGivesDownHealthAndRetryableErrorsAndTheServiceRecoversWhenItReturns(@TempDir Path dir) throws Exception {
        int bolt = SparkProcess.freePort();
        Path store = dir.resolve("external");
        DatabaseManagementService external = startExternal(store, bolt);
        try (ConfigurableApplicationContext spark = new SpringApplicationBuilder(SparkApplication.class).run(
                "--server.port=0", "--spark.neo4j.uri=bolt://127.0.0.1:" + bolt, "--spark.neo4j.password=",
                "--spark.curation.schedule=-", "--spark.rate-limit.enabled=false", "--spring.main.banner-mode=off",
                // fail within seconds instead of the driver's default 30 s of retries, to keep the test short
                "--spring.neo4j.max-transaction-retry-time=2s", "--spring.neo4j.connection-timeout=2s")) {
            int port = Integer.parseInt(spark.getEnvironment().getProperty("local.server.port"));
            assertThat(health(port).statusCode()).isEqualTo(200);
            assertThat(recordTrace(port, "before").path("errors").isEmpty()).isTrue();

            external.shutdown();
            external = null;

            HttpResponse<String> down = health(port);
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(JSON.readTree(down.body()).path("status").asString()).isEqualTo("DOWN");
            JsonNode refused = recordTrace(port, "during");
            assertThat(refused.path("data").path("recordTrace").isMissingNode() || refused.path("data").path("recordTrace").isNull()).isTrue();
            JsonNode error = refused.path("errors").get(0);
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(error.path("extensions").path("classification").asString()).isEqualTo("UNAVAILABLE");
            assertThat(error.path("extensions").path("retryable").asBoolean()).isTrue();
            assertThat(refused.toString()).doesNotContain("INTERNAL_ERROR").doesNotContain("Exception");

            external = startExternal(store, bolt);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JsonNode after = recordTrace(port, "after");
            while (!after.path("errors").isEmpty() && System.nanoTime() < deadline) {
                SparkProcess.pause(500);
                after = recordTrace(port, "after");
            }
            assertThat(after.path("errors").isEmpty()).as(after.toString()).isTrue();
            assertThat(health(port).statusCode()).isEqualTo(200);
        } finally {
            if (external != null) {
                external.shutdown();
            }
        }
    }

    private static DatabaseManagementService startExternal(Path store, int bolt) {
        return new DatabaseManagementServiceBuilder(store)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L << 20)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", bolt))
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(HttpConnector.enabled, false)
                .build();
    }

    private HttpResponse<String> health(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode recordTrace(int port, String attempt) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", "mutation($t: TraceInput!) { recordTrace(trace: $t) { traceId } }",
                "variables", Map.of("t", Map.of("agent", Map.of("id", "outage-agent"), "task", Map.of("text", "Sort an array stably",
                        "libraries", List.of("numpy")), "attempt", "np.sort(a, kind='stable')  # " + attempt, "outcome", "SUCCESS"))));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
