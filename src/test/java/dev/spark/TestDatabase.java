package dev.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The one seam between the integration tests and their database. By default each test JVM shares one embedded
 * Neo4j in a temporary directory (Spring's context cache keeps it open across test classes). With
 * {@code -Pcontainers} ({@code spark.test.database=container}) the same tests run against a Neo4j 5.26
 * container started once per JVM; without a Docker engine those tests are skipped, not failed.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String MODE = System.getProperty("spark.test.database", "embedded");

    private static final class Holder {
        // Lazily created once per test JVM and shared by every context that uses it.
        static final Path HOME = createHome();
        static final Neo4jContainer CONTAINER = "container".equals(MODE) ? startContainer() : null;
    }

    public static boolean usesContainer() {
        return "container".equals(MODE);
    }

    public static boolean available() {
        return !usesContainer() || DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> props = new HashMap<>();
        // tests start curation runs themselves; a scheduled run would curate their traces behind their back
        props.put("spark.curation.schedule", "-");
        // lesson texts are embedded by drain() or by the run, never by a background pass racing a test's assertions
        props.put("spark.experience.candidate-quiet", "PT1H");
        if (usesContainer()) {
            props.put("spark.neo4j.uri", Holder.CONTAINER.getBoltUrl());
            props.put("spark.neo4j.user", "neo4j");
            props.put("spark.neo4j.password", Holder.CONTAINER.getAdminPassword());
        } else {
            props.put("spark.neo4j.uri", "");
            props.put("spark.neo4j.home", Holder.HOME.toString());
            props.put("spark.neo4j.bolt-port", 0);
            props.put("spark.neo4j.http-port", 0);
            props.put("spark.neo4j.page-cache", "64MB");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sparkTestDatabase", props));
    }

    private static Path createHome() {
        return newDirectory("spark-test-neo4j-");
    }

    /**
     * A new directory for a test's database, under {@code spark.test.scratch} when it is set (Maven sets it to
     * {@code target/test-databases}, so {@code mvnw clean} removes what the test JVMs leave behind: a database shared
     * by a JVM's contexts stays open until the JVM's shutdown hooks run, too late to delete it) or else under the
     * system's temporary directory.
     */
    public static Path newDirectory(String prefix) {
        try {
            String scratch = System.getProperty("spark.test.scratch", "");
            return scratch.isBlank() ? Files.createTempDirectory(prefix)
                    : Files.createTempDirectory(Files.createDirectories(Path.of(scratch)), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Neo4jContainer startContainer() {
        Neo4jContainer container = new Neo4jContainer("neo4j:5.26-community").withAdminPassword("spark-test-password");
        container.start();
        return container;
    }
}
