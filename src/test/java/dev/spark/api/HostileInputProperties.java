package dev.spark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.StoredCounts;
import dev.spark.experience.PythonApiExtractor;
import dev.spark.experience.Texts;
import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input at every door an agent can reach: over-long, malformed, deeply nested, control characters,
 * Cypher-injection strings. Whatever arrives, the answer is a result or a clear error (BAD_REQUEST naming the
 * field, or LIMIT_EXCEEDED), never an internal error, an HTTP 5xx or a stack trace, and a rejected request stores
 * nothing.
 */
@SparkIntegrationTest
class HostileInputProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String RECORD = "mutation($trace: TraceInput!) { recordTrace(trace: $trace) { traceId } }";
    static final String RECOMMEND = "query($task: TaskInput!, $agentId: String, $k: Int) { recommend(task: $task, agentId: $agentId, k: $k) { id items { kind provenance } } }";
    static final String SEARCH = "query($q: String!, $library: String, $k: Int) { searchDocs(query: $q, library: $library, k: $k) { id } }";

    /** Strings written to break a query built by concatenation (Spark binds parameters, so they are just text). */
    static final List<String> CYPHER_INJECTION = List.of(
            "' }) MATCH (n) DETACH DELETE n //", "\"}) RETURN 1 UNION MATCH (n) RETURN n //", "$trace", "`Trace`",
            "x') CALL db.labels() YIELD label RETURN label //", "1 OR 1=1", "\\u0027; DROP DATABASE neo4j",
            "{id: 'x'}) SET n.status = 'ACTIVE' //", "\u0000\u0000", "MATCH (n) RETURN n LIMIT 1");

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    @Autowired
    WriteBehind writes;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Each request names a different agent, so the rate limit (per client) does not count the whole run as one. */
    private final AtomicLong requests = new AtomicLong();

    @BeforeEach
    void setUp() {
        GraphFixtures.clear(graph);
    }

    /** Short hostile strings of every kind, and the occasional over-long one. */
    static Gen<String> hostile() {
        Gen<String> injection = Generate.pick(CYPHER_INJECTION);
        Gen<String> controls = Texts.over("\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u007f\u0085\u2028\u2029\u200b\ufeff\ud800\udfff", 1, 40);
        Gen<String> nested = integers().between(1, 3_000).zip(Generate.pick(List.of("(", "[", "{", "((", "[{(")),
                (depth, open) -> open.repeat(depth));
        Gen<String> oversized = integers().between(20_001, 60_000).map(n -> "a".repeat(n));
        Gen<String> blank = Generate.pick(List.of("", " ", "\t\n", "\u3000"));
        return Texts.anyText(80).mix(injection, 30).mix(controls, 25).mix(nested, 20).mix(oversized, 10).mix(blank, 10);
    }

    static Gen<Integer> hostileInts() {
        return Generate.pick(List.of(Integer.MIN_VALUE, -1, 0, 1, 3, 5, 6, 50, 51, 100, 101, Integer.MAX_VALUE));
    }

    @Test
    void recordTraceEitherStoresTheTraceOrNamesTheFieldAndStoresNothing() {
        qt().withExamples(60).forAll(hostile(), Generate.pick(List.of("agent.id", "task.text", "attempt", "error", "feedback",
                "lessons", "space", "task.libraries", "task.codeContext"))).checkAssert((value, field) -> {
            Map<String, Object> trace = validTrace();
            put(trace, field, value);
            StoredCounts counts = StoredCounts.of(graph, writes);
            JsonNode answer = post(RECORD, Map.of("trace", trace));
            assertNoInternalError(answer);
            if (answer.has("errors")) {
                assertBadRequest(answer);
                assertThat(StoredCounts.of(graph, writes)).as("nothing stored for %s", answer.path("errors")).isEqualTo(counts);
            } else {
                assertThat(answer.at("/data/recordTrace/traceId").asString()).isNotBlank();
            }
        });
    }

    @Test
    void aRatingOfAnUnknownOrMalformedRecommendationIsRefusedAndStoresNothing() {
        qt().withExamples(40).forAll(hostile(), hostileInts()).checkAssert((recommendationId, rating) -> {
            Map<String, Object> trace = validTrace();
            trace.put("followed", Map.of("recommendationId", recommendationId, "rating", rating));
            JsonNode answer = StoredCounts.unchangedBy(graph, writes, () -> post(RECORD, Map.of("trace", trace)));
            assertNoInternalError(answer);
            assertBadRequest(answer);
            assertThat(answer.at("/errors/0/extensions/field").asString()).startsWith("followed");
        });
    }

    @Test
    void searchDocsAnswersOrNamesTheArgumentAndNeverWrites() {
        qt().withExamples(60).forAll(hostile(), hostile(), hostileInts()).checkAssert((query, library, k) -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("q", query);
            variables.put("library", library.length() > 100 ? library : library.isEmpty() ? null : library);
            variables.put("k", k);
            JsonNode answer = StoredCounts.unchangedBy(graph, writes, () -> post(SEARCH, variables));
            assertNoInternalError(answer);
            if (answer.has("errors")) {
                assertBadRequest(answer);
            } else {
                assertThat(answer.at("/data/searchDocs").isArray()).isTrue();
            }
        });
    }

    @Test
    void recommendAnswersOrNamesTheArgumentAndStoresNothingWhenItRefuses() {
        // a valid recommend embeds its task: fewer examples keep the run short
        qt().withExamples(25).forAll(hostile(), hostile(), hostileInts()).checkAssert((text, codeContext, k) -> {
            Map<String, Object> task = new HashMap<>();
            task.put("text", text);
            task.put("codeContext", codeContext);
            Map<String, Object> variables = new HashMap<>();
            variables.put("task", task);
            variables.put("agentId", text.length() < 200 ? text : null);
            variables.put("k", k);
            StoredCounts counts = StoredCounts.of(graph, writes);
            JsonNode answer = post(RECOMMEND, variables);
            assertNoInternalError(answer);
            if (answer.has("errors")) {
                assertBadRequest(answer);
                assertThat(StoredCounts.of(graph, writes)).isEqualTo(counts);
            } else {
                assertThat(answer.at("/data/recommend/id").asString()).isNotBlank();
            }
        });
    }

    @Test
    void malformedDocumentsAndBodiesGetAClearErrorNotA5xx() {
        Gen<String> documents = hostile().mix(integers().between(1, 5_000).map(depth -> "{ libraries " + "{ name ".repeat(depth)
                + "}".repeat(depth) + " }"), 30).mix(Generate.pick(List.of("{", "}", "query {", "{ recommend }",
                "{ recommend(task: {text: 1}) { id } }", "mutation { recordTrace }", "subscription { x }", "{ __typename",
                "query q { a } query q { a }", "{ searchDocs(query: \"x\", k: \"ten\") { id } }")), 30);
        qt().withExamples(80).forAll(documents).checkAssert(document -> {
            HttpResponse<String> response = postRaw(json(Map.of("query", document)));
            assertThat(response.statusCode()).as("status for %s", abbreviated(document)).isLessThan(500);
            JsonNode answer = JSON.readTree(response.body());
            assertNoInternalError(answer);
        });
        for (String body : List.of("", "{", "not json", "[]", "{\"query\": 42}", "{\"variables\": {}}", "\u0000")) {
            HttpResponse<String> response = postRaw(body);
            assertThat(response.statusCode()).as("status for body %s", body).isLessThan(500);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void thePythonParserGivesAnAnswerForEveryHostileFragment() {
        PythonApiExtractor extractor = new PythonApiExtractor();
        Gen<String> python = hostile().mix(integers().between(1, 20_000).map(depth -> "import pandas as pd\nx = " + "pd.f(".repeat(depth)),
                20).mix(Generate.pick(List.of("'''", "\"\"\"unterminated", "\\", "import", "from . import", "x = (", "lambda:",
                "@" + "decorator\n".repeat(1000), "import numpy as np\n" + "np.".repeat(10_000))), 20);
        qt().withExamples(300).forAll(python).checkAssert(code -> {
            long started = System.nanoTime();
            assertThat(extractor.extract(code, List.of("pandas"))).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time for %d characters", code.length())
                    .isLessThan(Duration.ofSeconds(2));
        });
    }

    private static Map<String, Object> validTrace() {
        Map<String, Object> trace = new HashMap<>();
        trace.put("agent", new HashMap<>(Map.of("id", "fuzz-agent")));
        trace.put("task", new HashMap<>(Map.of("text", "Group a DataFrame by a column and sum")));
        trace.put("attempt", "import pandas as pd\ndf.groupby('a').sum()");
        trace.put("outcome", "FAILURE");
        return trace;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> trace, String field, String value) {
        switch (field) {
            case "agent.id" -> ((Map<String, Object>) trace.get("agent")).put("id", value);
            case "task.text" -> ((Map<String, Object>) trace.get("task")).put("text", value);
            case "task.codeContext" -> ((Map<String, Object>) trace.get("task")).put("codeContext", value);
            case "task.libraries" -> ((Map<String, Object>) trace.get("task")).put("libraries", List.of(value));
            case "lessons" -> trace.put("lessons", List.of(value));
            default -> trace.put(field, value);
        }
    }

    private static void assertNoInternalError(JsonNode answer) {
        for (JsonNode error : answer.path("errors")) {
            assertThat(error.at("/extensions/classification").asString()).as("%s", error).isNotEqualTo("INTERNAL_ERROR");
            assertThat(error.path("message").asString()).as("%s", error).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    private static void assertBadRequest(JsonNode answer) {
        JsonNode error = answer.at("/errors/0");
        assertThat(error.at("/extensions/classification").asString()).as("%s", error)
                .isIn("BAD_REQUEST", "ValidationError", "LIMIT_EXCEEDED");
    }

    private JsonNode post(String document, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        HttpResponse<String> response = postRaw(json(body));
        assertThat(response.statusCode()).as("HTTP status").isLessThan(500);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> postRaw(String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .header(AgentOrAddressKeys.HEADER, "fuzz-" + requests.incrementAndGet())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "… (" + text.length() + " characters)";
    }
}
