package dev.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The check that bad requests store nothing would be worthless if it missed a write; these show it does not. */
@SparkIntegrationTest
class StoredCountsTest {

    @Autowired
    Graph graph;

    @Autowired
    WriteBehind writes;

    @BeforeEach
    void setUp() {
        GraphFixtures.clear(graph);
    }

    @Test
    void everyLabelIsCountedEvenWhenTheGraphHasNone() {
        assertThat(StoredCounts.of(graph, writes).nodes()).containsAllEntriesOf(
                StoredCounts.LABELS.stream().collect(Collectors.toMap(l -> l, l -> 0L)));
    }

    @Test
    void aNodeWrittenBehindTheRequestIsAChange() {
        assertThatThrownBy(() -> StoredCounts.unchangedBy(graph, writes, () -> {
            writes.submit("a recommendation", tx -> tx.run("CREATE (:Recommendation {id: $id})", Map.of("id", "rec-late")).consume());
            return "answered";
        })).isInstanceOf(AssertionError.class).hasMessageContaining("Recommendation");
    }

    @Test
    void aRelationshipBetweenExistingNodesIsAChange() {
        graph.execute("CREATE (:Agent {id: $a}), (:Task {id: $t})", Map.of("a", "agent-1", "t", "task-1"));

        assertThatThrownBy(() -> StoredCounts.unchangedBy(graph, writes, () -> {
            graph.execute("MATCH (a:Agent {id: $a}), (t:Task {id: $t}) CREATE (a)-[:TRIED]->(t)", Map.of("a", "agent-1", "t", "task-1"));
            return "answered";
        })).isInstanceOf(AssertionError.class).hasMessageContaining("TRIED");
    }
}
