package dev.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkApplication;
import dev.spark.SparkIntegrationTest;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceRecorder;
import dev.spark.graph.Graph;
import dev.spark.graph.internal.EmbeddedNeo4j;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The {@code forget} command against the test database over Bolt, like against a running service. */
@SparkIntegrationTest
class ForgetCommandTest {

    @Autowired
    Graph graph;

    @Autowired
    TraceRecorder recorder;

    @Autowired
    Environment environment;

    @Autowired(required = false)
    EmbeddedNeo4j embedded;

    @BeforeEach
    void pointTheCommandAtTheTestDatabase() {
        GraphFixtures.clear(graph);
        TestDatabaseForCommands.pointCommandsAt(environment, embedded);
    }

    @AfterEach
    void reset() {
        TestDatabaseForCommands.reset();
        graph.execute("MATCH (l:CurationLease) DETACH DELETE l", Map.of());
    }

    @Test
    void forgetsAnAgentThenExitsTwoForUnknownIdsAndKindsAndThreeWhileCurationRuns() {
        recorder.record(new TraceInput("agent-cli-forget", null, new TaskInput("Sum each row of a DataFrame", null, List.of("pandas")),
                "out = df.sum(axis=1)", Outcome.SUCCESS, null, null, List.of(), null, "cli-space"));

        assertThat(SparkCommandLine.run(SparkApplication.class, new String[] {"forget", "agent", "agent-cli-forget"})).isZero();
        assertThat(GraphFixtures.count(graph, "MATCH (a:Agent {id: 'agent-cli-forget'}) RETURN count(a)")).isZero();
        assertThat(GraphFixtures.count(graph, "MATCH (f:Forgetting {kind: 'AGENT', requestedBy: 'cli', status: 'COMPLETED'}) RETURN count(f)"))
                .isEqualTo(1);
        assertThat(SparkCommandLine.run(SparkApplication.class, new String[] {"forget", "agent", "agent-cli-forget"}))
                .as("already forgotten").isZero();
        assertThat(SparkCommandLine.run(SparkApplication.class, new String[] {"forget", "trace", "trace-never"})).isEqualTo(ExitCodes.USAGE);
        assertThat(SparkCommandLine.run(SparkApplication.class, new String[] {"forget", "lesson", "x"})).isEqualTo(ExitCodes.USAGE);

        graph.execute("MERGE (l:CurationLease {name: 'curation'}) SET l.holder = 'other', l.expiresAt = datetime() + duration('PT5M')", Map.of());
        assertThat(SparkCommandLine.run(SparkApplication.class, new String[] {"forget", "space", "cli-space"})).isEqualTo(ExitCodes.BUSY);
        assertThat(GraphFixtures.count(graph, "MATCH (s:Space {id: 'cli-space'}) RETURN count(s)")).as("nothing forgotten while busy").isEqualTo(1);
    }
}
