package dev.spark;

import dev.spark.graph.Graph;
import java.nio.file.Path;
import java.util.Map;

/** Helpers shared by the integration tests. */
public final class GraphFixtures {

    public static final Path DOCS = Path.of("src/test/resources/fixtures/docs");

    private GraphFixtures() {
    }

    /** Removes everything but the schema, so a test starts from an empty knowledge base. */
    public static void clear(Graph graph) {
        graph.execute("MATCH (n) WHERE NOT n:__SparkMigration DETACH DELETE n", Map.of());
    }

    public static long count(Graph graph, String cypher) {
        return graph.query(cypher, Map.of()).get(0).get(0).asLong();
    }
}
