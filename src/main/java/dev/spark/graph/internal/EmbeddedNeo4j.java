package dev.spark.graph.internal;

import java.net.URI;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j 5 server running inside this JVM, reachable over Bolt (and HTTP for Neo4j Browser) on loopback.
 * The driver talks to it exactly as to an external server, so nothing else in Spark knows the difference.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService service;
    private final GraphDatabaseAPI database;
    private final Path home;

    private EmbeddedNeo4j(Path home, DatabaseManagementService service) {
        this.home = home;
        this.service = service;
        this.database = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** Starts (or reopens) the database stored under {@code props.home()}. */
    public static EmbeddedNeo4j start(Neo4jProperties props) {
        long started = System.nanoTime();
        Path home = props.home().toAbsolutePath().normalize();
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, props.pageCache().toBytes())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(props.listenAddress(), props.boltPort()))
                // Netty 4.2 (Spring Boot 4) cannot run Neo4j's in-JVM local channel; Spark uses TCP Bolt only.
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(HttpConnector.enabled, props.httpEnabled());
        if (props.httpEnabled()) {
            builder.setConfig(HttpConnector.listen_address, new SocketAddress(props.listenAddress(), props.httpPort()));
        }
        DatabaseManagementService service = builder.build();
        EmbeddedNeo4j neo4j = new EmbeddedNeo4j(home, service);
        log.info("Embedded Neo4j started in {} ms under {} (Bolt {}{})",
                (System.nanoTime() - started) / 1_000_000, home, neo4j.boltUri(),
                props.httpEnabled() ? ", Browser " + neo4j.browserUri().orElseThrow() : "");
        return neo4j;
    }

    public URI boltUri() {
        var address = ports().getLocalAddress(ConnectorType.BOLT);
        return URI.create("bolt://" + address.getHost() + ":" + address.getPort());
    }

    public java.util.Optional<URI> browserUri() {
        var address = ports().getLocalAddress(ConnectorType.HTTP);
        return address == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(URI.create("http://" + address.getHost() + ":" + address.getPort() + "/browser/"));
    }

    public Path home() {
        return home;
    }

    private ConnectorPortRegister ports() {
        return database.getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        service.shutdown();
        log.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
