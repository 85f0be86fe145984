package dev.spark.graph.internal;

import dev.spark.graph.ListenAddress;
import java.net.URI;
import java.util.Map;
import java.nio.file.Path;
import java.time.Duration;
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
    /** How long a Cypher plan is kept before the statistics may cause it to be planned again (Neo4j's default: 10 s). */
    static final Duration MIN_REPLAN_INTERVAL = Duration.ofMinutes(10);

    private final DatabaseManagementService service;
    private final GraphDatabaseAPI database;
    private final Path home;

    private EmbeddedNeo4j(Path home, DatabaseManagementService service) {
        this.home = home;
        this.service = service;
        this.database = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /**
     * Starts (or reopens) the database stored under {@code props.home()}. With {@code spark.neo4j.password} set, its
     * connectors require that password for the user {@code neo4j}; without one they are open, which is refused unless
     * they listen on loopback only.
     *
     * @throws IllegalStateException naming {@code spark.neo4j.password} when the connectors would be open beyond loopback
     */
    public static EmbeddedNeo4j start(Neo4jProperties props) {
        boolean auth = props.password() != null && !props.password().isBlank();
        if (!auth && !ListenAddress.isLoopback(props.listenAddress())) {
            throw new IllegalStateException("Refusing to start the embedded Neo4j: it would listen on '" + props.listenAddress()
                    + "' (spark.neo4j.listen-address, SPARK_NEO4J_LISTEN_ADDRESS), which is not loopback, without a password. "
                    + "Set spark.neo4j.password (SPARK_NEO4J_PASSWORD), or listen on 127.0.0.1.");
        }
        long started = System.nanoTime();
        Path home = props.home().toAbsolutePath().normalize();
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                .setConfig(GraphDatabaseSettings.pagecache_memory, props.pageCache().toBytes())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(props.listenAddress(), props.boltPort()))
                // Netty 4.2 (Spring Boot 4) cannot run Neo4j's in-JVM local channel; Spark uses TCP Bolt only.
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(HttpConnector.enabled, props.httpEnabled())
                // Spark's statements are anchored on unique ids, so their plans do not depend on how many nodes there are;
                // the default (re-plan every 10 s while counts move, e.g. the Uncurated label draining during a curation
                // run) spent about a sixth of the database's time in a run compiling the same statements again
                .setConfig(GraphDatabaseSettings.cypher_min_replan_interval, MIN_REPLAN_INTERVAL);
        if (props.httpEnabled()) {
            builder.setConfig(HttpConnector.listen_address, new SocketAddress(props.listenAddress(), props.httpPort()));
        }
        DatabaseManagementService service = builder.build();
        if (auth) {
            setPassword(service, props.user(), props.password());
        }
        EmbeddedNeo4j neo4j = new EmbeddedNeo4j(home, service);
        log.info("Embedded Neo4j started in {} ms under {} (Bolt {}{})",
                (System.nanoTime() - started) / 1_000_000, home, neo4j.boltUri(),
                props.httpEnabled() ? ", Browser " + neo4j.browserUri().orElseThrow() : "");
        return neo4j;
    }

    /**
     * Embedded transactions bypass authentication, so the password is set through the system database directly:
     * on the first start (when the user still has the initial password) and whenever the configured one changed.
     */
    private static void setPassword(DatabaseManagementService service, String user, String password) {
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER " + quoted(user) + " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to set the password a user already has: nothing to change then
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                service.shutdown();
                throw e;
            }
        }
    }

    /** A user name as a Cypher identifier (names cannot be parameters in administration commands). */
    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
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
