package dev.spark.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionSweepTest {

    @Test
    void weightZeroKeepsTheEmbeddingOrder() {
        assertThat(FusionSweep.fuse(List.of("a", "b", "c"), List.of("c", "x"), 0.0, false)).startsWith("a", "b", "c");
    }

    @Test
    void aHeavyLexicalVoteLiftsADocumentBothRankingsFound() {
        assertThat(FusionSweep.fuse(List.of("a", "b", "c"), List.of("c"), 1.0, false).get(0)).isEqualTo("c");
    }

    @Test
    void theGateLetsBm25ReorderButNeverAdd() {
        List<String> gated = FusionSweep.fuse(List.of("a", "b"), List.of("x", "b"), 1.0, true);
        assertThat(gated).containsExactly("b", "a");
        assertThat(FusionSweep.fuse(List.of("a", "b"), List.of("x", "b"), 1.0, false)).contains("x");
    }
}
