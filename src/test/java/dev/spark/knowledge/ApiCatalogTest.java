package dev.spark.knowledge;

import static dev.spark.GraphFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import dev.spark.validation.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SparkIntegrationTest
class ApiCatalogTest {

    @Autowired
    ApiCatalog catalog;

    @Autowired
    DocumentIngestor ingestor;

    @Autowired
    Graph graph;

    @BeforeEach
    void emptyKnowledgeBase() {
        GraphFixtures.clear(graph);
    }

    @Test
    void registeredNamesBecomeApiNodesNamedByPythonConventions() {
        graph.write(tx -> {
            catalog.register(tx, List.of("pandas.DataFrame.groupby", "tf.keras.layers.Dense", "torch.cat", "torch.cat"));
            return null;
        });

        var apis = graph.query("MATCH (a:Api) RETURN a.qualifiedName AS q, a.kind AS kind, a.library AS library, "
                + "a.name AS name, a.foundIn AS foundIn ORDER BY q", Map.of());
        assertThat(apis).extracting(r -> r.get("q").asString() + " " + r.get("kind").asString() + " "
                        + r.get("library").asString() + " " + r.get("name").asString() + " " + r.get("foundIn").asString())
                .containsExactly(
                        "pandas.DataFrame.groupby method pandas groupby trace",
                        "tf.keras.layers.Dense class tensorflow Dense trace",
                        "torch.cat function pytorch cat trace");
    }

    @Test
    void aRolledBackCallerTransactionLeavesNoApi() {
        assertThatThrownBy(() -> graph.write(tx -> {
            catalog.register(tx, List.of("numpy.unique"));
            throw new IllegalStateException("the caller's trace could not be stored");
        })).hasMessageContaining("could not be stored");

        assertThat(count(graph, "MATCH (a:Api) RETURN count(a)")).isZero();
    }

    @Test
    void aDocumentedApiKeepsWhatItsDocumentationSays() {
        ingestor.ingest(List.of(new DocRecord("numpy:sort:0", "numpy", "numpy.sort", "numpy.sort", "Sorts.", null, null,
                "sort", List.of("numpy.core.sort"))));

        graph.write(tx -> {
            catalog.register(tx, List.of("numpy.sort"));
            return null;
        });

        var api = graph.query("MATCH (a:Api {qualifiedName: 'numpy.sort'}) RETURN a.foundIn AS foundIn, a.aliases AS aliases, "
                + "count { (a)<-[:DOCUMENTS]-() } AS docs", Map.of());
        assertThat(api).hasSize(1);
        assertThat(api.get(0).get("foundIn").isNull()).isTrue();
        assertThat(api.get(0).get("aliases").asList()).containsExactly("numpy.core.sort");
        assertThat(api.get(0).get("docs").asLong()).isEqualTo(1);
    }

    @Test
    void pruningDeletesOnlyTraceApisThatNothingReferences() {
        ingestor.ingest(List.of(
                new DocRecord("lib:a:0", "lib", "lib.documented", "lib.documented", "Documented.", null, null, "a", List.of()),
                new DocRecord("lib:b:0", "lib", "lib.orphaned_doc", "lib.orphaned_doc", "Orphaned.", null, null, "b", List.of())));
        graph.write(tx -> {
            catalog.register(tx, List.of("lib.unused", "lib.used", "lib.documented"));
            return null;
        });
        // a trace still uses lib.used; the page documenting lib.orphaned_doc is gone, but documentation made that API
        graph.execute("MATCH (a:Api {qualifiedName: 'lib.used'}) CREATE (:Trace {id: 'pruning-test'})-[:USED]->(a)", Map.of());
        graph.execute("MATCH (d:Doc {id: 'lib:b:0'}) DETACH DELETE d", Map.of());

        long pruned = catalog.pruneUnreferenced();

        assertThat(pruned).isEqualTo(1);
        assertThat(graph.query("MATCH (a:Api) RETURN a.qualifiedName AS q ORDER BY q", Map.of()))
                .extracting(r -> r.get("q").asString())
                .containsExactly("lib.documented", "lib.orphaned_doc", "lib.used");
        assertThat(catalog.pruneUnreferenced()).isZero();
    }

    @Test
    void blankNamesAreRejectedByTheirPosition() {
        assertThatThrownBy(() -> graph.write(tx -> {
            catalog.register(tx, Arrays.asList("numpy.sort", " "));
            return null;
        })).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("qualifiedNames[1]");
        assertThat(count(graph, "MATCH (a:Api) RETURN count(a)")).isZero();
    }
}
