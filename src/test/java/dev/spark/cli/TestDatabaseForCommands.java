package dev.spark.cli;

import dev.spark.graph.internal.EmbeddedNeo4j;
import org.springframework.core.env.Environment;

/**
 * Commands start a context of their own; these system properties point it at the test database the test's
 * context uses (the embedded one over its Bolt port, or the configured external one), and take it back.
 */
final class TestDatabaseForCommands {

    private TestDatabaseForCommands() {
    }

    static void pointCommandsAt(Environment environment, EmbeddedNeo4j embedded) {
        String uri = embedded != null ? embedded.boltUri().toString() : environment.getProperty("spark.neo4j.uri");
        System.setProperty("spark.neo4j.uri", uri);
        // as in the test's own context: no background pass writes lesson texts onto traces while a test compares them
        System.setProperty("spark.experience.candidate-quiet", "PT1H");
        if (environment.getProperty("spark.neo4j.password") != null) {
            System.setProperty("spark.neo4j.password", environment.getProperty("spark.neo4j.password"));
        }
    }

    static void reset() {
        System.clearProperty("spark.neo4j.uri");
        System.clearProperty("spark.neo4j.password");
        System.clearProperty("spark.experience.candidate-quiet");
    }
}
