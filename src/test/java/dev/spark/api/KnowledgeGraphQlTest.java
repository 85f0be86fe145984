package dev.spark.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.GraphQlClient;
import dev.spark.SparkIntegrationTest;
import dev.spark.StoredCounts;
import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import dev.spark.knowledge.DocumentIngestor;
import dev.spark.knowledge.IngestOptions;
import dev.spark.knowledge.IngestProgress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SparkIntegrationTest
class KnowledgeGraphQlTest {

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    @Autowired
    DocumentIngestor ingestor;

    @Autowired
    WriteBehind writes;

    GraphQlClient client;

    @BeforeEach
    void setUp() {
        GraphFixtures.clear(graph);
        ingestor.ingest(GraphFixtures.DOCS.resolve("jsonl"), IngestOptions.defaults(), IngestProgress.NONE);
        client = new GraphQlClient(port);
    }

    @Test
    void searchDocsReturnsChunkApiLibraryVersionSourceAndScore() {
        JsonNode result = client.post("""
                query($q: String!) { searchDocs(query: $q, k: 3) { id docId api library version source score foundBy text } }""",
                Map.of("q", "stable sort with mergesort in numpy"));

        JsonNode top = result.at("/data/searchDocs/0");
        assertThat(result.has("errors")).isFalse();
        assertThat(top.get("api").asString()).isEqualTo("numpy.sort");
        assertThat(top.get("library").asString()).isEqualTo("numpy");
        assertThat(top.get("version").asString()).isEqualTo("1.22.0");
        assertThat(top.get("source").asString()).startsWith("https://");
        assertThat(top.get("score").asDouble()).isPositive();
        assertThat(top.get("foundBy").asString()).contains("vector");
        assertThat(top.get("text").asString()).contains("mergesort");
    }

    @Test
    void librariesAndApiAnswerFromTheGraph() {
        JsonNode result = client.post("""
                { libraries { name version docCount apiCount } api(name: "numpy.sort") { qualifiedName kind library docs { id source } } }""",
                Map.of());

        assertThat(result.at("/data/libraries").findValuesAsString("name")).containsExactly("numpy", "pandas");
        assertThat(result.at("/data/api/kind").asString()).isEqualTo("function");
        assertThat(result.at("/data/api/docs")).hasSize(2);
    }

    @Test
    void validationErrorsNameTheArgumentAndStoreNothing() {
        assertThat(errorField(rejected("{ searchDocs(query: \"sort\", k: 0) { id } }", Map.of()))).isEqualTo("k");
        assertThat(errorField(rejected("{ searchDocs(query: \"   \") { id } }", Map.of()))).isEqualTo("query");
        assertThat(errorField(rejected("{ searchDocs(query: \"sort\", library: \"" + "x".repeat(65) + "\") { id } }", Map.of())))
                .isEqualTo("library");
        assertThat(errorField(rejected("{ api(name: \"\") { qualifiedName } }", Map.of()))).isEqualTo("name");
        assertThat(errorField(rejected("{ searchDocs(query: \"sort\", mode: SIDEWAYS) { id } }", Map.of()))).isEqualTo("mode");
        assertThat(errorField(rejected("query($k: Int) { searchDocs(query: \"sort\", k: $k) { id } }", Map.of("k", "ten"))))
                .isEqualTo("k");
    }

    @Test
    void ingestDocsMutationIsAllOrNothing() {
        String mutation = """
                mutation($docs: [DocumentInput!]!) { ingestDocs(documents: $docs) { read created unchanged embedded problems } }""";
        Map<String, Object> good = Map.of("id", "up:p:0", "library", "up", "docId", "p", "text", "uploaded text", "api", "up.f");
        Map<String, Object> bad = Map.of("id", "up:p:1", "library", "Not A Name", "docId", "p", "text", "t");

        assertThat(errorField(rejected(mutation, Map.of("docs", List.of(good, bad))))).isEqualTo("documents[1].library");
        Map<String, Object> numberAsLibrary = Map.of("id", "up:p:1", "library", 5, "docId", "p", "text", "t");
        assertThat(errorField(rejected(mutation, Map.of("docs", List.of(good, numberAsLibrary))))).isEqualTo("documents[1].library");
        Map<String, Object> blankAlias = Map.of("id", "up:p:1", "library", "up", "docId", "p", "text", "t", "aliases", List.of("up.g", " "));
        assertThat(errorField(rejected(mutation, Map.of("docs", List.of(good, blankAlias))))).isEqualTo("documents[1].aliases[1]");
        assertThat(errorField(rejected(mutation, Map.of("docs", List.of())))).isEqualTo("documents");

        JsonNode accepted = client.post(mutation, Map.of("docs", List.of(good)));
        assertThat(accepted.at("/data/ingestDocs/created").asInt()).isEqualTo(1);
        assertThat(accepted.at("/data/ingestDocs/embedded").asInt()).isEqualTo(1);
        assertThat(client.post(mutation, Map.of("docs", List.of(good))).at("/data/ingestDocs/unchanged").asInt()).isEqualTo(1);
    }

    private JsonNode rejected(String document, Map<String, Object> variables) {
        return StoredCounts.unchangedBy(graph, writes, () -> client.post(document, variables));
    }

    private static String errorField(JsonNode result) {
        assertThat(result.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        return result.at("/errors/0/extensions/field").asString();
    }
}
