package dev.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkApplication;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import dev.spark.graph.internal.EmbeddedNeo4j;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The {@code curate} command against the test database over Bolt, like against a running service. */
@SparkIntegrationTest
class CurateCommandTest {

    @Autowired
    Graph graph;

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
    void exitsZeroAfterARunAndThreeWhileAnotherRunHoldsTheLease() {
        assertThat(SparkCommandLine.run(SparkApplication.class, new String[] {"curate"})).isZero();
        assertThat(GraphFixtures.count(graph, "MATCH (r:CurationRun {trigger: 'cli', status: 'COMPLETED'}) RETURN count(r)")).isEqualTo(1);

        graph.execute("MERGE (l:CurationLease {name: 'curation'}) SET l.holder = 'other', l.expiresAt = datetime() + duration('PT5M')", Map.of());
        assertThat(SparkCommandLine.run(SparkApplication.class, new String[] {"curate"})).isEqualTo(CurateCommand.ALREADY_RUNNING);
    }
}
