package dev.spark.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.util.unit.DataSize;

/** The embedded database itself: Bolt and Neo4j Browser on loopback, and data that survives a restart. */
class EmbeddedNeo4jTest {

    @TempDir
    Path home;

    @Test
    void keepsDataAcrossRestartsAndServesNeo4jBrowser() throws Exception {
        Neo4jProperties props = new Neo4jProperties(null, "neo4j", null, home, "127.0.0.1", 0, true, 0, DataSize.ofMegabytes(32));

        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(props); Driver driver = driver(db)) {
            assertThat(db.boltUri().getHost()).isEqualTo("127.0.0.1");
            driver.executableQuery("CREATE (:Probe {name: $name})").withParameters(Map.of("name", "kept")).execute();

            URI browser = db.browserUri().orElseThrow();
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(browser).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).containsIgnoringCase("neo4j browser");
        }

        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(props); Driver driver = driver(db)) {
            var names = driver.executableQuery("MATCH (p:Probe) RETURN p.name AS name").execute().records();
            assertThat(names).extracting(r -> r.get("name").asString()).containsExactly("kept");
        }
    }

    @Test
    void refusesToListenBeyondLoopbackWithoutAPassword() {
        Neo4jProperties props = new Neo4jProperties(null, "neo4j", " ", home, "0.0.0.0", 0, false, 0, DataSize.ofMegabytes(32));

        assertThatThrownBy(() -> EmbeddedNeo4j.start(props))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spark.neo4j.password").hasMessageContaining("0.0.0.0");
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void aConfiguredPasswordIsRequiredOnBoltAndSurvivesARestart() {
        Neo4jProperties props = new Neo4jProperties(null, "neo4j", "s3cret-for-tests", home, "127.0.0.1", 0, false, 0,
                DataSize.ofMegabytes(32));

        for (int start = 0; start < 2; start++) {
            try (EmbeddedNeo4j db = EmbeddedNeo4j.start(props)) {
                try (Driver anonymous = driver(db)) {
                    assertThatThrownBy(anonymous::verifyConnectivity).isInstanceOf(AuthenticationException.class);
                }
                try (Driver wrong = GraphDatabase.driver(db.boltUri(), AuthTokens.basic("neo4j", "wrong-password"))) {
                    assertThatThrownBy(wrong::verifyConnectivity).isInstanceOf(AuthenticationException.class);
                }
                try (Driver right = GraphDatabase.driver(db.boltUri(), AuthTokens.basic("neo4j", "s3cret-for-tests"))) {
                    assertThat(right.executableQuery("RETURN 1 AS one").execute().records().get(0).get("one").asInt()).isEqualTo(1);
                }
            }
        }
    }

    private static Driver driver(EmbeddedNeo4j db) {
        return GraphDatabase.driver(db.boltUri(), AuthTokens.none());
    }
}
