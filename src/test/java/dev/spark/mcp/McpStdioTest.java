package dev.spark.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.spark.GraphFixtures;
import dev.spark.SparkApplication;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import dev.spark.graph.internal.EmbeddedNeo4j;
import dev.spark.knowledge.DocumentIngestor;
import dev.spark.knowledge.IngestOptions;
import dev.spark.knowledge.IngestProgress;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * {@code spark mcp} as a coding agent starts it: a separate process speaking MCP on its standard input and output,
 * driven by the MCP SDK's own stdio client. The process is the application's main class on this test's class path
 * (the jar is packaged only after the tests), pointed at the test database over Bolt as it would be at a running
 * service's.
 */
@SparkIntegrationTest
class McpStdioTest {

    @Autowired
    Graph graph;

    @Autowired
    DocumentIngestor ingestor;

    @Autowired
    Environment environment;

    @Autowired(required = false)
    EmbeddedNeo4j embedded;

    final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    final ListAppender<ILoggingEvent> transportLog = new ListAppender<>();
    McpSyncClient client;

    @BeforeEach
    void startTheServerProcess() {
        GraphFixtures.clear(graph);
        ingestor.ingest(GraphFixtures.DOCS, IngestOptions.defaults(), IngestProgress.NONE);
        // the client logs every line of the server's standard output that is not a protocol message
        transportLog.start();
        ((Logger) LoggerFactory.getLogger(StdioClientTransport.class)).addAppender(transportLog);

        StdioClientTransport transport = new StdioClientTransport(serverCommand(), SparkMcpServer.json());
        transport.setStdErrorHandler(stderr::add);
        client = McpClient.sync(transport)
                .initializationTimeout(Duration.ofMinutes(3))
                .requestTimeout(Duration.ofMinutes(2))
                .build();
    }

    @AfterEach
    void stopIt() {
        client.closeGracefully();
        ((Logger) LoggerFactory.getLogger(StdioClientTransport.class)).detachAppender(transportLog);
    }

    @Test
    void anAgentTalksToTheStdioServerAndNothingButProtocolReachesStandardOutput() {
        AgentConversation agent = new AgentConversation(client, graph);
        agent.initializes();
        agent.listsEveryToolWithASchemaAndADescription();
        agent.recommendsWithSourcesAndRecordsTheTraceThatFollowedIt();
        agent.namesTheBadArgumentOfEveryRejectedCall();

        assertThat(transportLog.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        // what the process says besides the protocol goes to standard error
        assertThat(stderr).anySatisfy(line -> assertThat(line).contains("Spark MCP server ready"));
    }

    private ServerParameters serverCommand() {
        String database = embedded != null ? embedded.boltUri().toString() : environment.getProperty("spark.neo4j.uri");
        List<String> args = new ArrayList<>(List.of("-Xmx768m",
                "-Dspark.neo4j.uri=" + database,
                "-Djna.tmpdir=" + Path.of("target/jna").toAbsolutePath(),
                "-DDJL_CACHE_DIR=" + Path.of("target/djl").toAbsolutePath()));
        String password = environment.getProperty("spark.neo4j.password");
        if (password != null && !password.isEmpty()) {
            args.add("-Dspark.neo4j.password=" + password);
        }
        args.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkApplication.class.getName(), "mcp"));
        return ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString()).args(args).build();
    }
}
