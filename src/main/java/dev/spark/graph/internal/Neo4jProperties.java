package dev.spark.graph.internal;

import java.nio.file.Path;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the graph lives. With no {@code uri}, Spark runs Neo4j embedded under {@code home}.
 *
 * @param uri          Bolt URI of an external Neo4j or cluster ({@code SPARK_NEO4J_URI}); blank means embedded
 * @param user         user for the external database
 * @param password     password for the external database; for the embedded one, turns its authentication on (user
 *                     {@code neo4j}), required when {@code listenAddress} is not loopback
 * @param home         directory of the embedded database
 * @param listenAddress address the embedded Bolt and HTTP connectors bind to
 * @param boltPort     embedded Bolt port (0 picks a free one)
 * @param httpEnabled  serve Neo4j Browser from the embedded database
 * @param httpPort     embedded HTTP port for Neo4j Browser (0 picks a free one)
 * @param pageCache    page cache size of the embedded database
 */
@ConfigurationProperties("spark.neo4j")
public record Neo4jProperties(
        String uri,
        @DefaultValue("neo4j") String user,
        String password,
        @DefaultValue("./data/neo4j") Path home,
        @DefaultValue("127.0.0.1") String listenAddress,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("true") boolean httpEnabled,
        @DefaultValue("7474") int httpPort,
        @DefaultValue("512MB") DataSize pageCache) {

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
