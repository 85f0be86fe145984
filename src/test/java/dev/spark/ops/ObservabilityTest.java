package dev.spark.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.GraphQlClient;
import dev.spark.SparkIntegrationTest;
import dev.spark.ai.CpuFeatures;
import dev.spark.graph.Graph;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an operator scrapes: /actuator/health with Spark's components, /actuator/prometheus with Spark's timers. */
@SparkIntegrationTest
class ObservabilityTest {

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void empty() {
        GraphFixtures.clear(graph);
    }

    @Test
    void healthShowsTheDatabaseTheEmbeddingModelAndTheCurationBacklog() throws Exception {
        graph.execute("CREATE (:Trace:Uncurated {id: 'waiting', createdAt: datetime()})", Map.of());

        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JsonMapper.builder().build().readTree(response.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode components = health.get("components");
        assertThat(components.propertyNames()).contains("database", "embeddingModel", "curationLag", "neo4j");
        assertThat(components.get("database").get("details").get("indexes").get("ONLINE").asLong()).isGreaterThan(10);
        assertThat(components.get("embeddingModel").get("details").get("dimensions").asInt()).isEqualTo(384);
        boolean vnni = CpuFeatures.detect().vnni();
        assertThat(components.get("embeddingModel").get("details").get("weightsChosen").asString())
                .as("AUTO weights: the rule where the CPU has VNNI, a measurement elsewhere")
                .startsWith(vnni ? "int8, as this CPU has VNNI" : "measured, as this CPU has no VNNI");
        assertThat(components.get("embeddingModel").get("details").get("weights").asString()).isIn("int8", "fp32");
        assertThat(components.get("curationLag").get("details").get("pendingTraces").asLong()).isEqualTo(1);
        assertThat(components.propertyNames()).as("no LLM configured, no LLM component").doesNotContain("llm");
    }

    @Test
    void afterARecommendAndARecordTraceThePrometheusScrapeHasTheirTimers() throws Exception {
        GraphQlClient graphQl = new GraphQlClient(port);
        JsonNode recommended = graphQl.post("{ recommend(task: {text: \"Sort a list of numbers\"}) { id } }", Map.of());
        assertThat(recommended.get("errors")).isNull();
        JsonNode recorded = graphQl.post("""
                mutation { recordTrace(trace: {agent: {id: "agent-metrics"}, task: {text: "Sort a list"},
                    attempt: "sorted(xs)", outcome: SUCCESS}) { traceId } }""", Map.of());
        assertThat(recorded.get("errors")).isNull();

        HttpResponse<String> scrape = get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        List<String> lines = scrape.body().lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("spark_recommend_seconds_count{") && l.contains("recipe=\"FULL\"") && !l.endsWith(" 0.0"));
        assertThat(lines).anyMatch(l -> l.startsWith("spark_trace_record_seconds_count{") && l.contains("outcome=\"SUCCESS\""));
        assertThat(lines).as("histogram buckets for percentiles").anyMatch(l -> l.startsWith("spark_recommend_seconds_bucket{"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
