package dev.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkApplication;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.internal.EmbeddedNeo4j;
import dev.spark.graph.Graph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The {@code ingest docs} command of the jar, talking to the test database over Bolt like to a running service. */
@SparkIntegrationTest
class IngestCommandTest {

    @Autowired
    Graph graph;

    @Autowired
    Environment environment;

    @Autowired(required = false)
    EmbeddedNeo4j embedded;

    @TempDir
    Path tmp;

    @BeforeEach
    void pointTheCommandAtTheTestDatabase() {
        GraphFixtures.clear(graph);
        TestDatabaseForCommands.pointCommandsAt(environment, embedded);
    }

    @AfterEach
    void reset() {
        TestDatabaseForCommands.reset();
    }

    @Test
    void exitsZeroWhenEverythingLoadedAndOneWhenARecordWasRejected() throws IOException {
        assertThat(SparkCommandLine.run(SparkApplication.class, new String[] {"ingest", "docs", GraphFixtures.DOCS.resolve("jsonl").toString()}))
                .isZero();
        assertThat(GraphFixtures.count(graph, "MATCH (d:Doc) RETURN count(d)")).isEqualTo(13);

        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\": \"b:p:0\", \"library\": \"b\", \"doc_id\": \"p\", \"text\": \"fine\"}\nnot json\n");
        assertThat(SparkCommandLine.run(SparkApplication.class, new String[] {"ingest", "docs", bad.toString()})).isEqualTo(1);
        assertThat(GraphFixtures.count(graph, "MATCH (d:Doc {id: 'b:p:0'}) RETURN count(d)")).isEqualTo(1);

        assertThat(SparkCommandLine.run(SparkApplication.class, new String[] {"ingest", "docs", tmp.resolve("missing").toString()}))
                .isEqualTo(2);
    }
}
