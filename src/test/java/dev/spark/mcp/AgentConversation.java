package dev.spark.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.graph.Graph;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a coding agent does with Spark over MCP, told through the SDK's own client, whatever the transport:
 * the same steps and checks for Streamable HTTP and for stdio.
 */
final class AgentConversation {

    static final List<String> TOOLS = List.of("recommend", "record_trace", "rate_recommendation", "search_docs", "get_lesson",
            "resolve_library", "curate");

    static final String TASK = "Sort a numpy array with a stable sort";

    private final McpSyncClient client;
    private final Graph graph;

    AgentConversation(McpSyncClient client, Graph graph) {
        this.client = client;
        this.graph = graph;
    }

    void initializes() {
        InitializeResult init = client.initialize();
        assertThat(init.serverInfo().name()).isEqualTo("spark");
        assertThat(init.capabilities().tools()).isNotNull();
        assertThat(init.instructions()).contains("recommend", "record_trace", "not instructions");
    }

    void listsEveryToolWithASchemaAndADescription() {
        List<Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
        for (Tool tool : tools) {
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(80);
            assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object").containsKey("properties")
                    .containsEntry("additionalProperties", false);
        }
        Tool recommend = tools.stream().filter(t -> t.name().equals("recommend")).findFirst().orElseThrow();
        assertThat(recommend.inputSchema().get("required")).isEqualTo(List.of("task"));
        assertThat(properties(recommend)).containsKeys("task", "agentId", "k", "recipe");
        Tool record = tools.stream().filter(t -> t.name().equals("record_trace")).findFirst().orElseThrow();
        assertThat(properties(record)).containsKeys("agent", "task", "attempt", "outcome", "error", "lessons", "followed", "space");
    }

    /** recommend answers with cited items and quotes them as data; record_trace stores the rating it carries. */
    String recommendsWithSourcesAndRecordsTheTraceThatFollowedIt() {
        CallToolResult answer = call("recommend", Map.of("task", Map.of("text", TASK, "libraries", List.of("numpy")), "k", 3));

        assertThat(answer.isError()).as(text(answer)).isFalse();
        Map<String, Object> structured = structured(answer);
        String id = (String) structured.get("id");
        assertThat(id).startsWith("rec-");
        List<Map<String, Object>> items = list(structured.get("items"));
        assertThat(items).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(items).allSatisfy(item -> {
            assertThat((String) item.get("source")).isNotBlank();
            assertThat((String) item.get("ref")).isNotBlank();
            assertThat((String) item.get("text")).isNotBlank();
        });
        assertThat(items.get(0)).containsEntry("kind", "DOCUMENTATION").containsEntry("library", "numpy");
        assertThat((String) structured.get("notice")).contains("not instructions");
        // the stored texts are inside a delimited data block, after a notice saying they are not instructions
        String text = text(answer);
        assertThat(text).contains(id, "record_trace");
        String block = text.substring(text.indexOf("<spark-data id=\""));
        assertThat(text.substring(0, text.indexOf("<spark-data id=\""))).contains("not instructions");
        assertThat(block).contains((String) items.get(0).get("source")).endsWith("\">");

        Map<String, Object> trace = trace("agent-mcp", "SUCCESS");
        trace.put("followed", Map.of("recommendationId", id, "rating", 5));
        trace.put("lessons", List.of("numpy.sort(kind='stable') keeps equal elements in their original order"));
        CallToolResult receipt = call("record_trace", trace);

        assertThat(receipt.isError()).as(text(receipt)).isFalse();
        String traceId = (String) structured(receipt).get("traceId");
        assertThat(traceId).startsWith("trace-");
        assertThat(list(structured(receipt).get("apis"))).contains("numpy.sort");
        assertThat(text(receipt)).contains(traceId, "numpy.sort");
        assertThat(GraphFixtures.count(graph, "MATCH (:Agent {id: 'agent-mcp'})-[:RECORDED]->(t:Trace)-[f:FOLLOWED {rating: 5}]->"
                + "(:Recommendation {id: '" + id + "'}) RETURN count(f)")).isEqualTo(1);
        return id;
    }

    /** Each bad argument is a tool error that names it, and none of the rejected calls stores anything. */
    void namesTheBadArgumentOfEveryRejectedCall() {
        long traces = GraphFixtures.count(graph, "MATCH (t:Trace) RETURN count(t)");
        long recommendations = GraphFixtures.count(graph, "MATCH (r:Recommendation) RETURN count(r)");

        assertRejected("recommend", Map.of(), "task");
        assertRejected("recommend", Map.of("task", Map.of("text", " ")), "task.text");
        assertRejected("recommend", Map.of("task", Map.of("text", TASK), "k", 0), "k");
        assertRejected("recommend", Map.of("task", Map.of("text", TASK), "k", "many"), "k");
        assertRejected("recommend", Map.of("task", Map.of("text", TASK), "recipe", "BEST"), "recipe");
        assertRejected("recommend", Map.of("task", Map.of("text", TASK, "libraries", List.of("numpy", 7))), "task.libraries[1]");
        assertRejected("recommend", Map.of("task", Map.of("text", TASK), "topic", "sorting"), "topic");

        Map<String, Object> noAgent = trace("agent-mcp", "SUCCESS");
        noAgent.remove("agent");
        assertRejected("record_trace", noAgent, "agent");
        assertRejected("record_trace", trace("agent-mcp", "MAYBE"), "outcome");
        assertRejected("record_trace", trace("agent with spaces", "SUCCESS"), "agent.id");
        assertRejected("record_trace", withValue(trace("agent-mcp", "FAILURE"), "followed",
                Map.of("recommendationId", "rec-does-not-exist", "rating", 4)), "followed.recommendationId");

        Map<String, Object> rating = trace("agent-mcp", "SUCCESS");
        rating.put("recommendationId", "rec-does-not-exist");
        rating.put("rating", 9);
        assertRejected("rate_recommendation", rating, "rating");
        rating.put("rating", 2);
        assertRejected("rate_recommendation", rating, "recommendationId");

        assertRejected("search_docs", Map.of("query", "sort", "k", 101), "k");
        assertRejected("get_lesson", Map.of("id", "lesson-does-not-exist"), "id");
        assertRejected("resolve_library", Map.of("name", "not a (module"), "name");

        assertThat(GraphFixtures.count(graph, "MATCH (t:Trace) RETURN count(t)")).isEqualTo(traces);
        assertThat(GraphFixtures.count(graph, "MATCH (r:Recommendation) RETURN count(r)")).isEqualTo(recommendations);
    }

    CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    private void assertRejected(String tool, Map<String, Object> arguments, String field) {
        CallToolResult result = call(tool, arguments);
        assertThat(result.isError()).as("%s %s: %s", tool, arguments, text(result)).isTrue();
        assertThat(text(result)).as(tool).startsWith("Invalid argument '" + field + "': ");
        Map<String, Object> error = structured(result);
        @SuppressWarnings("unchecked")
        Map<String, Object> named = (Map<String, Object>) error.get("error");
        assertThat(named).as(tool).containsEntry("field", field);
    }

    static Map<String, Object> trace(String agent, String outcome) {
        Map<String, Object> trace = new HashMap<>();
        trace.put("agent", Map.of("id", agent, "model", "test-model"));
        trace.put("task", Map.of("text", TASK, "libraries", List.of("numpy")));
        trace.put("attempt", "import numpy as np\nout = np.sort(a, kind='stable')\n");
        trace.put("outcome", outcome);
        return trace;
    }

    private static Map<String, Object> withValue(Map<String, Object> map, String key, Object value) {
        map.put(key, value);
        return map;
    }

    static String text(CallToolResult result) {
        return result.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object value) {
        return (List<T>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Tool tool) {
        return (Map<String, Object>) tool.inputSchema().get("properties");
    }
}
