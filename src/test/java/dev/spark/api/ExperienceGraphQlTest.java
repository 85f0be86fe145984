package dev.spark.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.GraphQlClient;
import dev.spark.SparkIntegrationTest;
import dev.spark.experience.EmbeddingBackfill;
import dev.spark.graph.Graph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SparkIntegrationTest
class ExperienceGraphQlTest {

    static final String RECORD = """
            mutation($trace: TraceInput!) {
              recordTrace(trace: $trace) { traceId taskId redactions apis failurePattern lessonIds quarantined }
            }""";

    static final String RECOMMEND = """
            query($task: TaskInput!, $k: Int) {
              recommend(task: $task, k: $k) { id text items { kind ref source score why apis } timings { stage micros } }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    @Autowired
    EmbeddingBackfill backfill;

    GraphQlClient client;

    @BeforeEach
    void setUp() {
        GraphFixtures.clear(graph);
        client = new GraphQlClient(port);
    }

    @Test
    void recordTraceStoresTheTraceWithItsApisAndRedactsSecrets() {
        Map<String, Object> trace = trace("agent-1", "SUCCESS");
        trace.put("attempt", "import pandas as pd\ndf = pd.read_csv('data.csv')\nout = df.groupby('a').sum()\n");
        trace.put("feedback", "worked; my key is sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD");

        JsonNode receipt = client.post(RECORD, Map.of("trace", trace)).at("/data/recordTrace");

        assertThat(receipt.get("redactions").asInt()).isEqualTo(1);
        assertThat(receipt.get("apis").valueStream().map(JsonNode::asString).toList())
                .contains("pandas.read_csv", "pandas.DataFrame.groupby");
        String traceId = receipt.get("traceId").asString();
        var stored = graph.query("MATCH (a:Agent {id: 'agent-1'})-[:RECORDED]->(t:Trace {id: $id})-[:ATTEMPTED]->(task:Task) "
                + "RETURN t.feedback AS feedback, t.outcome AS outcome, task.text AS task", Map.of("id", traceId)).get(0);
        assertThat(stored.get("feedback").asString()).doesNotContain("sk-proj").contains("[REDACTED");
        assertThat(stored.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(GraphFixtures.count(graph, "MATCH (:Trace)-[:USED]->(:Api {qualifiedName: 'pandas.read_csv'}) RETURN count(*)")).isEqualTo(1);
    }

    @Test
    void theSameTaskTextIsOneTaskNode() {
        client.post(RECORD, Map.of("trace", trace("agent-1", "FAILURE")));
        client.post(RECORD, Map.of("trace", trace("agent-2", "SUCCESS")));

        assertThat(GraphFixtures.count(graph, "MATCH (t:Task) RETURN count(t)")).isEqualTo(1);
        assertThat(GraphFixtures.count(graph, "MATCH (:Trace)-[:ATTEMPTED]->(:Task) RETURN count(*)")).isEqualTo(2);
    }

    @Test
    void recommendAnswersOverHttpWithCitationsAndTimings() {
        client.post(RECORD, Map.of("trace", trace("agent-1", "SUCCESS")));
        backfill.drain();

        JsonNode rec = client.post(RECOMMEND, Map.of("task", Map.of("text", "Sum a column of a DataFrame per group"), "k", 5))
                .at("/data/recommend");

        assertThat(rec.get("id").asString()).startsWith("rec-");
        assertThat(rec.at("/items/0/kind").asString()).isEqualTo("EXAMPLE");
        assertThat(rec.at("/items/0/source").asString()).startsWith("trace:");
        assertThat(rec.get("timings").findValuesAsString("stage")).contains("embed", "candidates", "store");
    }

    @Test
    void badInputIsAnErrorNamingTheFieldAndStoresNothing() {
        Map<String, Object> emptyTask = trace("agent-1", "SUCCESS");
        emptyTask.put("task", Map.of("text", "  "));
        assertThat(errorField(client.post(RECORD, Map.of("trace", emptyTask)))).isEqualTo("task.text");

        Map<String, Object> longAttempt = trace("agent-1", "SUCCESS");
        longAttempt.put("attempt", "x".repeat(50_001));
        assertThat(errorField(client.post(RECORD, Map.of("trace", longAttempt)))).isEqualTo("attempt");

        Map<String, Object> badRating = trace("agent-1", "SUCCESS");
        badRating.put("followed", Map.of("recommendationId", "rec-1", "rating", 6));
        assertThat(errorField(client.post(RECORD, Map.of("trace", badRating)))).isEqualTo("followed.rating");

        Map<String, Object> unknownRecommendation = trace("agent-1", "SUCCESS");
        unknownRecommendation.put("followed", Map.of("recommendationId", "rec-does-not-exist", "rating", 4));
        assertThat(errorField(client.post(RECORD, Map.of("trace", unknownRecommendation)))).isEqualTo("followed.recommendationId");

        Map<String, Object> badAgent = trace("agent with spaces", "SUCCESS");
        assertThat(errorField(client.post(RECORD, Map.of("trace", badAgent)))).isEqualTo("agent.id");

        Map<String, Object> tooManyLessons = trace("agent-1", "SUCCESS");
        tooManyLessons.put("lessons", java.util.Collections.nCopies(11, "a lesson"));
        assertThat(errorField(client.post(RECORD, Map.of("trace", tooManyLessons)))).isEqualTo("lessons");

        Map<String, Object> unknownOutcome = trace("agent-1", "MAYBE");
        JsonNode enumError = client.post(RECORD, Map.of("trace", unknownOutcome));
        assertThat(enumError.at("/errors/0/message").asString()).containsIgnoringCase("outcome").contains("MAYBE");

        assertThat(errorField(client.post(RECOMMEND, Map.of("task", Map.of("text", ""))))).isEqualTo("task.text");
        assertThat(errorField(client.post(RECOMMEND, Map.of("task", Map.of("text", "sort"), "k", 0)))).isEqualTo("k");

        assertThat(GraphFixtures.count(graph, "MATCH (n) WHERE n:Trace OR n:Task OR n:Agent OR n:Recommendation RETURN count(n)")).isZero();
    }

    private static Map<String, Object> trace(String agent, String outcome) {
        Map<String, Object> trace = new HashMap<>();
        trace.put("agent", Map.of("id", agent, "model", "test-model"));
        trace.put("task", Map.of("text", "Sum column b of a DataFrame for each value of column a", "libraries", List.of("pandas")));
        trace.put("attempt", "import pandas as pd\nresult = df.groupby('a')['b'].sum()\n");
        trace.put("outcome", outcome);
        return trace;
    }

    private static String errorField(JsonNode result) {
        assertThat(result.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        return result.at("/errors/0/extensions/field").asString();
    }
}
