package dev.spark.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.AuthIntegrationTest;
import dev.spark.GraphFixtures;
import dev.spark.graph.Graph;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spark with {@code spark.auth.enabled}: keys decide who an agent is and which space it reads and writes, over
 * GraphQL and MCP (Streamable HTTP) alike, and advice leaves its space only by promotion into commons.
 */
@AuthIntegrationTest
class SpacesAndKeysTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LESSON = "numpy.sort(kind='stable') keeps equal elements in their original order";
    private static final String ATTEMPT = "import numpy as np\nout = np.sort(a, kind='stable')\n";
    private static final String RECORD = """
            mutation($trace: TraceInput!) { recordTrace(trace: $trace) { traceId } }""";
    private static final String CURATE = "mutation { curate { traces created promoted } }";

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    @Autowired
    ApiKeys keys;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<McpSyncClient> clients = new ArrayList<>();
    String alice;
    String bob;
    String admin;

    @BeforeEach
    void keysForTwoTeams() {
        GraphFixtures.clear(graph);
        alice = keys.create("agent-a", "team-a", Role.AGENT).secret();
        bob = keys.create("agent-b", "team-b", Role.AGENT).secret();
        admin = keys.create("operator", "ops", Role.ADMIN).secret();
    }

    @AfterEach
    void disconnect() {
        clients.forEach(McpSyncClient::closeGracefully);
        graph.execute("MATCH (l:CurationLease) DETACH DELETE l", Map.of());
    }

    @Test
    void aKeyIsShownOnceAndOnlyTheHashOfItsSecretIsStored() {
        IssuedKey issued = keys.create("agent-z", "team-z", Role.AGENT);
        String secret = issued.secret().substring(issued.secret().indexOf('_', ApiKeys.PREFIX.length()) + 1);

        assertThat(issued.secret()).startsWith("spk_" + issued.key().id() + "_");
        assertThat(secret).hasSize(43);
        long holding = GraphFixtures.count(graph, """
                CALL () { MATCH (n) UNWIND keys(n) AS k WITH n[k] AS v WHERE v IS :: STRING AND v CONTAINS '%1$s' RETURN count(*) AS c
                          UNION ALL
                          MATCH ()-[r]->() UNWIND keys(r) AS k WITH r[k] AS v WHERE v IS :: STRING AND v CONTAINS '%1$s' RETURN count(*) AS c }
                RETURN sum(c)""".formatted(secret));
        assertThat(holding).isZero();
        assertThat(graph.query("MATCH (k:ApiKey {id: $id}) RETURN k.hash AS hash", Map.of("id", issued.key().id())).get(0)
                .get("hash").asString()).isEqualTo(ApiKeys.hash(secret)).doesNotContain(secret);
        assertThat(keys.list()).extracting(Object::toString).noneMatch(s -> s.contains(secret));
        assertThat(issued.toString()).doesNotContain(secret);
        assertThat(keys.verify(issued.secret())).hasValueSatisfying(c -> assertThat(c.agentId()).isEqualTo("agent-z"));
        assertThat(keys.verify(issued.secret().substring(0, issued.secret().length() - 1) + "x")).isEmpty();
    }

    @Test
    void requestsWithoutAValidKeyAreRefusedWith401NamingTheHeader() throws Exception {
        for (String key : new String[] {null, "spk_000000000000_" + "A".repeat(43), "not-a-key"}) {
            HttpResponse<String> graphql = send("/graphql", key, "{\"query\":\"{ libraries { name } }\"}");
            assertThat(graphql.statusCode()).as(key).isEqualTo(401);
            assertThat(JSON.readTree(graphql.body()).at("/errors/0/message").asString()).contains("Authorization");
            assertThat(send("/mcp", key, "{}").statusCode()).as(key).isEqualTo(401);
        }
        assertThat(graphQl(alice, "{ libraries { name } }", Map.of()).has("errors")).isFalse();

        keys.revoke(keys.list().stream().filter(k -> k.agentId().equals("agent-a")).findFirst().orElseThrow().id());

        HttpResponse<String> revoked = send("/graphql", alice, "{\"query\":\"{ libraries { name } }\"}");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("revoked");
        assertThat(http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(uri("/graphiql")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAgentOrSpaceOtherThanTheKeysIsForbiddenByNameAndNothingIsWritten() {
        JsonNode otherAgent = graphQl(alice, RECORD, Map.of("trace", trace("agent-b", null, "Sort with ties", LESSON)));
        JsonNode otherSpace = graphQl(alice, RECORD, Map.of("trace", trace("agent-a", "team-b", "Sort with ties", LESSON)));
        CallToolResult overMcp = mcp(alice).callTool(new CallToolRequest("record_trace", trace("agent-a", "team-b", "Sort with ties", LESSON)));

        assertThat(otherAgent.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(otherAgent.at("/errors/0/extensions/field").asString()).isEqualTo("agent.id");
        assertThat(otherSpace.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(otherSpace.at("/errors/0/extensions/field").asString()).isEqualTo("space");
        assertThat(overMcp.isError()).isTrue();
        assertThat(structured(overMcp).get("error")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("code", "forbidden").containsEntry("field", "space");
        assertThat(GraphFixtures.count(graph, "MATCH (t:Trace) RETURN count(t)")).isZero();
        assertThat(GraphFixtures.count(graph, "MATCH (a:Agent) RETURN count(a)")).isZero();

        assertThat(graphQl(alice, RECORD, Map.of("trace", trace("agent-a", null, "Sort with ties", LESSON))).has("errors")).isFalse();
        assertThat(graph.query("MATCH (a:Agent)-[:RECORDED]->(t:Trace) RETURN a.id AS agent, t.space AS space", Map.of()))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("agent").asString()).isEqualTo("agent-a");
                    assertThat(r.get("space").asString()).isEqualTo("team-a");
                });
    }

    @Test
    void anAgentOfOneSpaceIsNeitherServedNorShownNorAllowedToChangeAnotherSpacesExperience() {
        String task = "Sort an array so that equal elements keep their order";
        graphQl(bob, RECORD, Map.of("trace", trace("agent-b", null, task, LESSON)));
        Map<String, Object> failure = trace("agent-b", null, task, null);
        failure.put("outcome", "FAILURE");
        failure.put("attempt", "import numpy as np\nout = np.sort(a, kind='fastest')\n");
        failure.put("error", "ValueError: sort kind must be one of 'quick', 'heap', or 'stable' (got 'fastest')");
        graphQl(bob, RECORD, Map.of("trace", failure));
        JsonNode refused = graphQl(alice, CURATE, Map.of());
        assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(refused.at("/errors/0/extensions/field").asString()).isEqualTo("curate");
        assertThat(graphQl(admin, CURATE, Map.of()).at("/data/curate/traces").asInt()).isEqualTo(2);
        List<String> bobsLessons = ids(graphQl(bob, "{ lessons(first: 50) { items { id } } }", Map.of()).at("/data/lessons/items"));
        assertThat(bobsLessons).isNotEmpty();
        String bobsLesson = bobsLessons.get(0);
        String recommend = "query($t: TaskInput!) { recommend(task: $t, k: 20) { items { kind ref source } } }";
        // the same question from B's own agent is answered from B's experience: the assertions below can fail
        assertThat(kinds(graphQl(bob, recommend, Map.of("t", Map.of("text", task))))).contains("EXAMPLE", "PITFALL");

        assertThat(ids(graphQl(alice, "{ lessons(first: 50) { items { id } } }", Map.of()).at("/data/lessons/items"))).isEmpty();
        assertThat(graphQl(alice, "query($id: ID!) { lesson(id: $id) { id text } }", Map.of("id", bobsLesson)).at("/data/lesson").isNull())
                .isTrue();
        assertThat(kinds(graphQl(alice, recommend, Map.of("t", Map.of("text", task))))).doesNotContain("EXAMPLE", "PITFALL", "LESSON");
        JsonNode otherSpace = graphQl(alice, "{ lessons(space: \"team-b\") { items { id } } }", Map.of());
        assertThat(otherSpace.at("/errors/0/extensions/field").asString()).isEqualTo("space");
        JsonNode quarantine = graphQl(alice, "mutation($id: ID!) { quarantineLesson(id: $id, reason: \"mine now\") { status } }",
                Map.of("id", bobsLesson));
        assertThat(quarantine.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(graphQl(alice, "{ mergeSuggestions { lesson } }", Map.of()).at("/errors/0/extensions/classification").asString())
                .isEqualTo("FORBIDDEN");

        McpSyncClient agentA = mcp(alice);
        CallToolResult lesson = agentA.callTool(new CallToolRequest("get_lesson", Map.of("id", bobsLesson)));
        assertThat(lesson.isError()).isTrue();
        assertThat(text(lesson)).contains("no lesson has the id");
        CallToolResult advice = agentA.callTool(new CallToolRequest("recommend", Map.of("task", Map.of("text", task), "k", 20)));
        assertThat(text(advice)).doesNotContain(bobsLesson).doesNotContain("Worked example").doesNotContain("ValueError");
        CallToolResult curate = agentA.callTool(new CallToolRequest("curate", Map.of()));
        assertThat(curate.isError()).isTrue();
        assertThat(text(curate)).contains("ADMIN");
        assertThat(graph.query("MATCH (l:Lesson {id: $id}) RETURN l.status AS s", Map.of("id", bobsLesson)).get(0).get("s").asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void anAgentForgetsItsOwnTracesAndNothingOfAnotherSpace() {
        String bobs = graphQl(bob, RECORD, Map.of("trace", trace("agent-b", null, "Sort a list of records by two keys", null)))
                .at("/data/recordTrace/traceId").asString();
        String alices = graphQl(alice, RECORD, Map.of("trace", trace("agent-a", null, "Sort a list of records by a key", null)))
                .at("/data/recordTrace/traceId").asString();
        String forgetTrace = "mutation($id: ID!) { forgetTrace(id: $id) { kind } }";

        JsonNode notHers = graphQl(alice, forgetTrace, Map.of("id", bobs));
        assertThat(notHers.at("/errors/0/extensions/code").asString()).as("another team's trace is not confirmed").isEqualTo("NOT_FOUND");
        JsonNode otherAgent = graphQl(alice, "mutation($id: ID!) { forgetAgent(id: $id) { kind } }", Map.of("id", "agent-b"));
        assertThat(otherAgent.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(otherAgent.at("/errors/0/extensions/field").asString()).isEqualTo("id");
        JsonNode space = graphQl(alice, "mutation($id: ID!) { forgetSpace(id: $id) { kind } }", Map.of("id", "team-b"));
        assertThat(space.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(graph.query("MATCH (t:Trace {id: $id}) RETURN count(t) AS n", Map.of("id", bobs)).get(0).get("n").asLong())
                .as("B's trace is untouched").isEqualTo(1);
        assertThat(GraphFixtures.count(graph, "MATCH (f:Forgetting) RETURN count(f)")).isZero();

        assertThat(graphQl(alice, forgetTrace, Map.of("id", alices)).at("/data/forgetTrace/kind").asString()).isEqualTo("TRACE");
        assertThat(GraphFixtures.count(graph, "MATCH (t:Trace) RETURN count(t)")).as("only B's trace is left").isEqualTo(1);
    }

    @Test
    void adviceActiveInTwoSpacesIsPromotedIntoCommonsWithoutTheSpacesDetailAndNotWhenInOne() {
        graphQl(alice, RECORD, Map.of("trace", trace("agent-a", null, "Team A private task: order invoices by date", LESSON)));
        graphQl(admin, CURATE, Map.of());
        assertThat(GraphFixtures.count(graph, "MATCH (l:Lesson {space: 'commons'}) RETURN count(l)")).isZero();
        String alices = graph.query("MATCH (l:Lesson {space: 'team-a', kind: 'agent'}) RETURN l.id AS id, l.status AS s", Map.of())
                .get(0).get("id").asString();

        graphQl(bob, RECORD, Map.of("trace", trace("agent-b", null, "Team B private task: rank payroll entries", LESSON)));
        graphQl(admin, CURATE, Map.of());

        var bobs = graph.query("""
                MATCH (l:Lesson {space: 'team-b', kind: 'agent'})
                RETURN l.id AS id, l.status AS status, EXISTS { (l)-[:MERGED_INTO]->() } AS merged""", Map.of()).get(0);
        assertThat(bobs.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(bobs.get("merged").asBoolean()).as("a lesson of B never merges into one of A").isFalse();
        var commons = graph.query("""
                MATCH (c:Lesson {space: 'commons'})
                RETURN c.id AS id, c.text AS text, c.status AS status, c.taskText AS taskText, c.code AS code,
                       [(c)-[:PROMOTED_FROM]->(l) | l.id] AS from, EXISTS { (c)-[:LEARNED_FROM]->() } AS traces,
                       [(r:CurationRun)-[d:DECIDED]->(c) | d.action + ': ' + d.reason] AS decisions""", Map.of());
        assertThat(commons).singleElement().satisfies(c -> {
            assertThat(c.get("text").asString()).isEqualTo(LESSON);
            assertThat(c.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(c.get("taskText").isNull()).isTrue();
            assertThat(c.get("code").isNull()).isTrue();
            assertThat(c.get("traces").asBoolean()).isFalse();
            assertThat(c.get("from").asList(v -> v.asString())).containsExactlyInAnyOrder(alices, bobs.get("id").asString());
            assertThat(c.get("decisions").asList(v -> v.asString())).singleElement().satisfies(d -> assertThat(d)
                    .startsWith("PROMOTED_TO_COMMONS: ").doesNotContain("team-a", "team-b", "agent-a", "agent-b", alices));
        });
        String commonsId = commons.get(0).get("id").asString();

        String carol = keys.create("agent-c", "team-c", Role.AGENT).secret();
        JsonNode seen = graphQl(carol, "query($id: ID!) { lesson(id: $id) { text space provenance { taskText } } }", Map.of("id", commonsId));
        assertThat(seen.at("/data/lesson/text").asString()).isEqualTo(LESSON);
        assertThat(seen.at("/data/lesson/provenance").size()).isZero();
        assertThat(ids(graphQl(carol, "{ lessons(first: 50) { items { id } } }", Map.of()).at("/data/lessons/items")))
                .containsExactly(commonsId);
        assertThat(graphQl(carol, "query($id: ID!) { lesson(id: $id) { id } }", Map.of("id", alices)).at("/data/lesson").isNull()).isTrue();
    }

    // ---- helpers

    private static Map<String, Object> trace(String agent, String space, String task, String lesson) {
        Map<String, Object> trace = new HashMap<>();
        trace.put("agent", Map.of("id", agent));
        trace.put("task", Map.of("text", task, "libraries", List.of("numpy")));
        trace.put("attempt", ATTEMPT);
        trace.put("outcome", "SUCCESS");
        if (space != null) {
            trace.put("space", space);
        }
        if (lesson != null) {
            trace.put("lessons", List.of(lesson));
        }
        return trace;
    }

    private JsonNode graphQl(String key, String document, Map<String, Object> variables) {
        HttpResponse<String> response = send("/graphql", key, JSON.writeValueAsString(Map.of("query", document, "variables", variables)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private McpSyncClient mcp(String key) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint("/mcp")
                        .httpRequestCustomizer((builder, method, endpoint, body, context) -> builder.header("Authorization", "Bearer " + key))
                        .build())
                .requestTimeout(Duration.ofMinutes(2)).build();
        clients.add(client);
        client.initialize();
        return client;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private static List<String> kinds(JsonNode answer) {
        assertThat(answer.has("errors")).as(answer.toString()).isFalse();
        List<String> kinds = new ArrayList<>();
        answer.at("/data/recommend/items").forEach(i -> kinds.add(i.get("kind").asString()));
        return kinds;
    }

    private static String text(CallToolResult result) {
        return result.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }
}
