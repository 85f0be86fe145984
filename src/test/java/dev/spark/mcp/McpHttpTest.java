package dev.spark.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.curation.LessonAudit;
import dev.spark.graph.Graph;
import dev.spark.knowledge.DocumentIngestor;
import dev.spark.knowledge.IngestOptions;
import dev.spark.knowledge.IngestProgress;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An agent on Spark's Streamable HTTP endpoint, through the MCP SDK's own client. */
@SparkIntegrationTest
class McpHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    @Autowired
    DocumentIngestor ingestor;

    @Autowired
    LessonAudit audit;

    McpSyncClient client;
    AgentConversation agent;

    @BeforeEach
    void connect() {
        GraphFixtures.clear(graph);
        ingestor.ingest(GraphFixtures.DOCS, IngestOptions.defaults(), IngestProgress.NONE);
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint("/mcp").build())
                .requestTimeout(Duration.ofMinutes(2))
                .build();
        agent = new AgentConversation(client, graph);
        agent.initializes();
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
        graph.execute("MATCH (l:CurationLease) DETACH DELETE l", Map.of());
    }

    @Test
    void anAgentListsTheToolsGetsAdviceAndReportsBack() {
        agent.listsEveryToolWithASchemaAndADescription();
        agent.recommendsWithSourcesAndRecordsTheTraceThatFollowedIt();
    }

    @Test
    void badArgumentsAreToolErrorsNamingTheArgument() {
        agent.namesTheBadArgumentOfEveryRejectedCall();
    }

    @Test
    void aLessonLearnedThroughCurateComesBackWithItsProvenance() {
        String recommendation = agent.recommendsWithSourcesAndRecordsTheTraceThatFollowedIt();

        CallToolResult run = agent.call("curate", Map.of());
        assertThat(run.isError()).as(AgentConversation.text(run)).isFalse();
        assertThat(((Number) AgentConversation.structured(run).get("traces")).intValue()).isEqualTo(1);
        String lessonId = audit.lessons(null, null, null, 10, null).items().stream()
                .filter(l -> l.text().contains("kind='stable'")).findFirst().orElseThrow().id();

        CallToolResult lesson = agent.call("get_lesson", Map.of("id", lessonId));

        assertThat(lesson.isError()).as(AgentConversation.text(lesson)).isFalse();
        Map<String, Object> view = AgentConversation.structured(lesson);
        List<Map<String, Object>> provenance = AgentConversation.list(view.get("provenance"));
        assertThat(provenance).singleElement().satisfies(p -> assertThat(p).containsEntry("agent", "agent-mcp")
                .containsEntry("taskText", AgentConversation.TASK));
        String text = AgentConversation.text(lesson);
        assertThat(text.indexOf("<spark-data")).isLessThan(text.indexOf("kind='stable'"));
        assertThat(recommendation).isNotBlank();
    }

    @Test
    void searchDocsQuotesTheHitsAndResolveLibraryReadsNamesAliasesAndImports() {
        CallToolResult docs = agent.call("search_docs", Map.of("query", "stable sort", "library", "numpy", "k", 2));
        assertThat(docs.isError()).as(AgentConversation.text(docs)).isFalse();
        List<Map<String, Object>> hits = AgentConversation.list(AgentConversation.structured(docs).get("hits"));
        assertThat(hits).hasSize(2).allSatisfy(hit -> assertThat(hit).containsEntry("library", "numpy"));
        assertThat(AgentConversation.text(docs)).contains("<spark-data", (String) hits.get(0).get("source"));

        assertThat(matches("import numpy as np")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("name", "np").containsEntry("library", "numpy").containsEntry("documented", true)
                .containsEntry("version", "1.22.0"));
        assertThat(matches("pd")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("module", "pandas").containsEntry("library", "pandas").containsEntry("documented", true));
        assertThat(matches("sklearn")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("library", "sklearn").containsEntry("documented", false));
        assertThat(matches("scikit-learn")).singleElement().satisfies(m -> assertThat(m).containsEntry("library", "sklearn"));
        assertThat(matches("import torch\nfrom sklearn.svm import SVC")).extracting(m -> m.get("library"))
                .containsExactly("pytorch", "sklearn");
    }

    @Test
    void aBrowserPageFromAnotherOriginIsRefused() throws Exception {
        String initialize = """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},
                "clientInfo":{"name":"page","version":"1"}}}""";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(initialize)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private List<Map<String, Object>> matches(String name) {
        CallToolResult result = agent.call("resolve_library", Map.of("name", name));
        assertThat(result.isError()).as(AgentConversation.text(result)).isFalse();
        return AgentConversation.list(AgentConversation.structured(result).get("matches"));
    }
}
