package dev.spark.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.GraphQlClient;
import dev.spark.SparkIntegrationTest;
import dev.spark.StoredCounts;
import dev.spark.experience.EmbeddingBackfill;
import dev.spark.experience.TraceInput;
import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import java.util.Collections;
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

    @Autowired
    WriteBehind writes;

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
        client.post(RECORD, Map.of("trace", trace("agent-1", "SUCCESS")));
        client.post(RECOMMEND, Map.of("task", Map.of("text", "Sum a column of a DataFrame per group")));

        Map<String, Object> emptyTask = trace("agent-1", "SUCCESS");
        emptyTask.put("task", Map.of("text", "  "));
        assertThat(errorField(rejected(RECORD, Map.of("trace", emptyTask)))).isEqualTo("task.text");

        Map<String, Object> longAttempt = trace("agent-1", "SUCCESS");
        longAttempt.put("attempt", "x".repeat(TraceInput.MAX_ATTEMPT + 1));
        assertThat(errorField(rejected(RECORD, Map.of("trace", longAttempt)))).isEqualTo("attempt");

        Map<String, Object> badRating = trace("agent-1", "SUCCESS");
        badRating.put("followed", Map.of("recommendationId", "rec-1", "rating", 6));
        assertThat(errorField(rejected(RECORD, Map.of("trace", badRating)))).isEqualTo("followed.rating");

        // found inside the write transaction, which must roll back
        Map<String, Object> unknownRecommendation = trace("agent-1", "SUCCESS");
        unknownRecommendation.put("followed", Map.of("recommendationId", "rec-does-not-exist", "rating", 4));
        assertThat(errorField(rejected(RECORD, Map.of("trace", unknownRecommendation)))).isEqualTo("followed.recommendationId");

        Map<String, Object> badAgent = trace("agent with spaces", "SUCCESS");
        assertThat(errorField(rejected(RECORD, Map.of("trace", badAgent)))).isEqualTo("agent.id");

        Map<String, Object> tooManyLessons = trace("agent-1", "SUCCESS");
        tooManyLessons.put("lessons", Collections.nCopies(TraceInput.MAX_LESSONS + 1, "a lesson"));
        assertThat(errorField(rejected(RECORD, Map.of("trace", tooManyLessons)))).isEqualTo("lessons");

        Map<String, Object> blankLesson = trace("agent-1", "SUCCESS");
        blankLesson.put("lessons", List.of("a lesson", "another", " "));
        assertThat(errorField(rejected(RECORD, Map.of("trace", blankLesson)))).isEqualTo("lessons[2]");

        Map<String, Object> badSpace = trace("agent-1", "SUCCESS");
        badSpace.put("space", "Team A");
        assertThat(errorField(rejected(RECORD, Map.of("trace", badSpace)))).isEqualTo("space");

        assertThat(errorField(rejected(RECOMMEND, Map.of("task", Map.of("text", ""))))).isEqualTo("task.text");
        assertThat(errorField(rejected(RECOMMEND, Map.of("task", Map.of("text", "sort"), "k", 0)))).isEqualTo("k");
    }

    @Test
    void valuesOfTheWrongTypeAreErrorsNamingTheFieldAndStoreNothing() {
        client.post(RECORD, Map.of("trace", trace("agent-1", "SUCCESS")));

        JsonNode unknownOutcome = rejected(RECORD, Map.of("trace", trace("agent-1", "MAYBE")));
        assertThat(errorField(unknownOutcome)).isEqualTo("outcome");
        assertThat(unknownOutcome.at("/errors/0/message").asString()).contains("MAYBE", "SUCCESS, FAILURE, PARTIAL");

        Map<String, Object> wordRating = trace("agent-1", "SUCCESS");
        wordRating.put("followed", Map.of("recommendationId", "rec-1", "rating", "five"));
        assertThat(errorField(rejected(RECORD, Map.of("trace", wordRating)))).isEqualTo("followed.rating");

        Map<String, Object> noAttempt = trace("agent-1", "SUCCESS");
        noAttempt.remove("attempt");
        assertThat(errorField(rejected(RECORD, Map.of("trace", noAttempt)))).isEqualTo("attempt");

        Map<String, Object> unknownField = trace("agent-1", "SUCCESS");
        unknownField.put("colour", "blue");
        assertThat(errorField(rejected(RECORD, Map.of("trace", unknownField)))).isEqualTo("colour");

        Map<String, Object> numberAsLibrary = trace("agent-1", "SUCCESS");
        numberAsLibrary.put("task", Map.of("text", "Sort", "libraries", List.of("numpy", 3)));
        assertThat(errorField(rejected(RECORD, Map.of("trace", numberAsLibrary)))).isEqualTo("task.libraries[1]");

        String recommendWithRecipe = """
                query($task: TaskInput!, $recipe: Recipe) { recommend(task: $task, recipe: $recipe) { id } }""";
        assertThat(errorField(rejected(recommendWithRecipe, Map.of("task", Map.of("text", "sort"), "recipe", "BEST"))))
                .isEqualTo("recipe");
        assertThat(errorField(rejected("{ recommend(task: {text: \"sort\"}, recipe: BEST) { id } }", Map.of())))
                .isEqualTo("recipe");
        assertThat(errorField(rejected("{ recommend(task: {text: \"sort\", libraries: [\"numpy\", 3]}) { id } }", Map.of())))
                .isEqualTo("task.libraries[1]");
        assertThat(errorField(rejected("{ recommend(k: 3) { id } }", Map.of()))).isEqualTo("task");
    }

    private JsonNode rejected(String document, Map<String, Object> variables) {
        return StoredCounts.unchangedBy(graph, writes, () -> client.post(document, variables));
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
