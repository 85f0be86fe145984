package dev.spark.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.GraphQlClient;
import dev.spark.SparkIntegrationTest;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceReceipt;
import dev.spark.experience.TraceRecorder;
import dev.spark.graph.Graph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The forgetting mutations over HTTP: the report, the auditor's query, and the errors naming the field. */
@SparkIntegrationTest
class ForgettingGraphQlTest {

    static final String FORGET_TRACE = """
            mutation($id: ID!) { forgetTrace(id: $id) { auditId kind subjectHash status alreadyForgotten requestedBy traces tasks } }""";

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    @Autowired
    TraceRecorder recorder;

    GraphQlClient client;

    @BeforeEach
    void setUp() {
        GraphFixtures.clear(graph);
        client = new GraphQlClient(port);
    }

    @Test
    void forgetsATraceAnswersTheAuditorAndNamesTheFieldOfABadOrUnknownId() {
        TraceReceipt trace = recorder.record(new TraceInput("agent-gql-forget", null, new TaskInput("Count the rows of a DataFrame", null,
                List.of("pandas")), "n = len(df)", Outcome.SUCCESS, null, null, List.of(), null, null));

        JsonNode report = client.post(FORGET_TRACE, Map.of("id", trace.traceId())).at("/data/forgetTrace");
        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("kind").asString()).isEqualTo("TRACE");
        assertThat(report.get("requestedBy").asString()).isEqualTo("api");
        assertThat(report.get("traces").asInt()).isEqualTo(1);
        assertThat(report.get("alreadyForgotten").asBoolean()).isFalse();

        JsonNode found = client.post("query($id: ID!) { forgotten(kind: TRACE, id: $id) { auditId } }", Map.of("id", trace.traceId()))
                .at("/data/forgotten");
        assertThat(found.get("auditId").asString()).isEqualTo(report.get("auditId").asString());
        assertThat(client.post(FORGET_TRACE, Map.of("id", trace.traceId())).at("/data/forgetTrace/alreadyForgotten").asBoolean()).isTrue();

        JsonNode unknown = client.post(FORGET_TRACE, Map.of("id", "trace-unknown")).at("/errors/0");
        assertThat(unknown.at("/extensions/code").asString()).isEqualTo("NOT_FOUND");
        assertThat(unknown.at("/extensions/field").asString()).isEqualTo("id");
        JsonNode tooLong = client.post("mutation($id: ID!) { forgetSpace(id: $id) { auditId } }", Map.of("id", "s".repeat(65))).at("/errors/0");
        assertThat(tooLong.at("/extensions/field").asString()).isEqualTo("id");
        assertThat(tooLong.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(GraphFixtures.count(graph, "MATCH (f:Forgetting) RETURN count(f)")).isEqualTo(1);
    }
}
