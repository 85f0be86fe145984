package dev.spark.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.GraphQlClient;
import dev.spark.SparkIntegrationTest;
import dev.spark.StoredCounts;
import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import graphql.introspection.IntrospectionQuery;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SparkIntegrationTest
class GraphQlLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    @Autowired
    WriteBehind writes;

    @Autowired
    GraphQlLimits limits;

    GraphQlClient client;

    @BeforeEach
    void setUp() {
        GraphFixtures.clear(graph);
        client = new GraphQlClient(port);
    }

    @Test
    void sixtyAliasedRecommendCallsAreRefusedWholeAndQuickly() {
        String document = IntStream.range(0, 60)
                .mapToObj(i -> "r" + i + ": recommend(task: {text: \"Sort a DataFrame by two columns " + i + "\"}) { id text }")
                .collect(Collectors.joining("\n", "{\n", "\n}"));

        client.post("{ libraries { name } }", Map.of()); // the first request of a context warms the GraphQL engine up
        long[] millis = new long[1];
        JsonNode answer = StoredCounts.unchangedBy(graph, writes, () -> {
            long started = System.nanoTime();
            JsonNode refused = client.post(document, Map.of());
            millis[0] = (System.nanoTime() - started) / 1_000_000;
            return refused;
        });

        assertLimit(answer, "spark.graphql.max-aliases", limits.maxAliases(), 60);
        assertThat(answer.path("data").isNull() || answer.path("data").isMissingNode()).as("no partial data").isTrue();
        // sixty recommendations would embed sixty tasks: seconds; a refusal is a parse and a walk of the document
        assertThat(millis[0]).isLessThan(2_000);
    }

    @Test
    void deepNestingIsRefused() {
        int levels = limits.maxDepth() + 5;
        String document = "{ __schema { types { fields { type { " + "ofType { ".repeat(levels) + "name" + " }".repeat(levels)
                + " } } } } }";

        JsonNode answer = client.post(document, Map.of());

        assertLimit(answer, "spark.graphql.max-depth", limits.maxDepth(), levels + 5);
    }

    @Test
    void tooManyFieldsAreRefused() {
        // no aliases and within the depth limit (the deepest level adds four more): every level of the type chain
        // asks for everything about a type, about 35 fields a level
        String everything = "kind name description enumValues { name description isDeprecated deprecationReason } "
                + "inputFields { name description defaultValue type { name kind } } interfaces { name kind } "
                + "possibleTypes { name kind } fields { name description isDeprecated deprecationReason "
                + "args { name description defaultValue type { name kind } } type { name kind } } ";
        int levels = limits.maxDepth() - 6;
        String document = "{ __schema { types { " + (everything + "ofType { ").repeat(levels) + "name" + " }".repeat(levels)
                + " } } }";

        JsonNode answer = client.post(document, Map.of());

        JsonNode error = answer.at("/errors/0");
        assertThat(error.at("/extensions/classification").asString()).as("%s", answer.path("errors")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(error.at("/extensions/limit").asString()).isEqualTo("spark.graphql.max-complexity");
        assertThat(error.at("/extensions/actual").asLong()).isGreaterThan(limits.maxComplexity());
        assertThat(error.path("message").asString()).contains("spark.graphql.max-complexity");
        assertThat(answer.path("data").isNull() || answer.path("data").isMissingNode()).isTrue();
    }

    @Test
    void anOversizedDocumentIsRefusedBeforeParsing() {
        String document = "# " + "x".repeat(limits.maxDocumentSize()) + "\n{ libraries { name } }";

        JsonNode answer = client.post(document, Map.of());

        assertLimit(answer, "spark.graphql.max-document-size", limits.maxDocumentSize(), document.length());
    }

    @Test
    void ordinaryOperationsAndTheIntrospectionQueryStillWork() {
        JsonNode introspection = client.post(IntrospectionQuery.INTROSPECTION_QUERY, Map.of());
        assertThat(introspection.path("errors").isMissingNode()).as("%s", introspection.path("errors")).isTrue();
        assertThat(introspection.at("/data/__schema/queryType/name").asString()).isEqualTo("Query");

        String aliases = IntStream.range(0, limits.maxAliases())
                .mapToObj(i -> "l" + i + ": libraries { name docCount }").collect(Collectors.joining(" ", "{ ", " }"));
        JsonNode answer = client.post(aliases, Map.of());
        assertThat(answer.path("errors").isMissingNode()).as("%s", answer.path("errors")).isTrue();
        assertThat(answer.path("data").size()).isEqualTo(limits.maxAliases());
    }

    private static void assertLimit(JsonNode answer, String limit, long max, long actual) {
        JsonNode error = answer.at("/errors/0");
        assertThat(answer.path("errors").size()).as("%s", answer.path("errors")).isEqualTo(1);
        assertThat(error.at("/extensions/classification").asString()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(error.at("/extensions/limit").asString()).isEqualTo(limit);
        assertThat(error.at("/extensions/max").asLong()).isEqualTo(max);
        assertThat(error.at("/extensions/actual").asLong()).isEqualTo(actual);
        assertThat(error.path("message").asString()).contains(limit).contains(String.valueOf(max));
    }
}
