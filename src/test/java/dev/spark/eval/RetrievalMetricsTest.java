package dev.spark.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {

    private static final Offset<Double> EPS = within(1e-9);
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void repeatedChunksOfAPageCountOnceBeforeTheCutAtK() {
        List<String> ranked = List.of("a", "b", "a", "c", "d");
        Set<String> gold = Set.of("a", "c");

        assertThat(RetrievalMetrics.distinctTopK(ranked, 3)).containsExactly("a", "b", "c");
        // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) (two gold pages).
        assertThat(RetrievalMetrics.ndcgAtK(ranked, gold, 3).getAsDouble()).isCloseTo(1.5 / (1 + 1 / LOG2_3), EPS);
        // Had the repeat of "a" taken the third slot, "c" would be missed and recall would be 0.5.
        assertThat(RetrievalMetrics.recallAtK(ranked, gold, 3).getAsDouble()).isCloseTo(1.0, EPS);
        assertThat(RetrievalMetrics.mrrAtK(ranked, gold, 3).getAsDouble()).isCloseTo(1.0, EPS);
    }

    @Test
    void kLargerThanTheListKeepsTheIdealOverMinOfGoldAndK() {
        List<String> ranked = List.of("x", "y", "g");
        Set<String> gold = Set.of("g", "h", "i");

        // DCG = 1/log2(4) = 0.5; ideal over 3 gold pages = 1 + 1/log2(3) + 1/2.
        assertThat(RetrievalMetrics.ndcgAtK(ranked, gold, 10).getAsDouble()).isCloseTo(0.5 / (1.5 + 1 / LOG2_3), EPS);
        assertThat(RetrievalMetrics.recallAtK(ranked, gold, 10).getAsDouble()).isCloseTo(1.0 / 3, EPS);
        assertThat(RetrievalMetrics.mrrAtK(ranked, gold, 10).getAsDouble()).isCloseTo(1.0 / 3, EPS);
    }

    @Test
    void idealIsCutAtKWhenThereAreMoreGoldPagesThanK() {
        // Both slots hold gold pages: as good as it gets at k = 2, though a third gold page exists.
        assertThat(RetrievalMetrics.ndcgAtK(List.of("g", "h", "x"), Set.of("g", "h", "i"), 2).getAsDouble()).isCloseTo(1.0, EPS);
        assertThat(RetrievalMetrics.recallAtK(List.of("g", "h", "x"), Set.of("g", "h", "i"), 2).getAsDouble()).isCloseTo(2.0 / 3, EPS);
    }

    @Test
    void goldOutsideTheTopKScoresZero() {
        List<String> ranked = List.of("x", "y", "g");
        Set<String> gold = Set.of("g");

        assertThat(RetrievalMetrics.ndcgAtK(ranked, gold, 2).getAsDouble()).isZero();
        assertThat(RetrievalMetrics.recallAtK(ranked, gold, 2).getAsDouble()).isZero();
        assertThat(RetrievalMetrics.mrrAtK(ranked, gold, 2).getAsDouble()).isZero();
        assertThat(RetrievalMetrics.mrrAtK(List.of(), gold, 2).getAsDouble()).isZero();
    }

    @Test
    void emptyGoldLeavesTheMetricsUndefined() {
        List<String> ranked = List.of("a");

        assertThat(RetrievalMetrics.ndcgAtK(ranked, Set.of(), 10)).isEqualTo(OptionalDouble.empty());
        assertThat(RetrievalMetrics.recallAtK(ranked, Set.of(), 10)).isEmpty();
        assertThat(RetrievalMetrics.mrrAtK(ranked, Set.of(), 10)).isEmpty();
        assertThat(RetrievalMetrics.apiRecallAtK(List.of(Set.of("numpy.sum")), Set.of(), 10)).isEmpty();
    }

    @Test
    void scoresAndTiesBetweenThemPlayNoPart() {
        record Hit(String page, double score) {
        }
        List<Hit> tied = List.of(new Hit("x", 0.5), new Hit("g", 0.5), new Hit("y", 0.5));
        List<Hit> spread = List.of(new Hit("x", 0.9), new Hit("g", 0.2), new Hit("y", 0.1));
        Set<String> gold = Set.of("g");

        List<String> tiedPages = tied.stream().map(Hit::page).toList();
        List<String> spreadPages = spread.stream().map(Hit::page).toList();
        assertThat(RetrievalMetrics.ndcgAtK(tiedPages, gold, 10)).isEqualTo(RetrievalMetrics.ndcgAtK(spreadPages, gold, 10));
        assertThat(RetrievalMetrics.mrrAtK(tiedPages, gold, 10).getAsDouble()).isCloseTo(0.5, EPS);
        // Re-sorting by score with a stable sort keeps the given order of ties.
        List<String> resorted = tied.stream().sorted(Comparator.comparingDouble(Hit::score).reversed()).map(Hit::page).toList();
        assertThat(RetrievalMetrics.mrrAtK(resorted, gold, 10)).isEqualTo(RetrievalMetrics.mrrAtK(tiedPages, gold, 10));
    }

    @Test
    void apiRecallCountsGoldApisCoveredByTheTopKItemsAcrossTensorflowSpellings() {
        List<Set<String>> items = List.of(
                Set.of("pandas.DataFrame.groupby"),
                Set.of("tf.reshape", "numpy.sum"),
                Set.of("pandas.concat"));
        Set<String> gold = Set.of("tensorflow.reshape", "pandas.concat", "numpy.mean");

        assertThat(RetrievalMetrics.apiRecallAtK(items, gold, 2).getAsDouble()).isCloseTo(1.0 / 3, EPS);
        assertThat(RetrievalMetrics.apiRecallAtK(items, gold, 3).getAsDouble()).isCloseTo(2.0 / 3, EPS);
        assertThat(RetrievalMetrics.apiRecallAtK(items, gold, 10).getAsDouble()).isCloseTo(2.0 / 3, EPS);
        assertThat(RetrievalMetrics.apiRecallAtK(List.of(Set.of("tensorflow.math.add")), Set.of("tf.math.add"), 1).getAsDouble())
                .isCloseTo(1.0, EPS);
        assertThat(RetrievalMetrics.normaliseApi("tensorflow.keras.Model")).isEqualTo("tf.keras.Model");
    }

    @Test
    void mergeByPageFoldsChunksIntoTheirPageAtItsFirstRank() {
        List<Set<String>> pages = RetrievalMetrics.mergeByPage(
                List.of("p1", "p2", "p1"), List.of(Set.of("a"), Set.of("b"), Set.of("c")));

        assertThat(pages).containsExactly(Set.of("a", "c"), Set.of("b"));
        // With chunks folded, the second page's API is within the top 2 items.
        assertThat(RetrievalMetrics.apiRecallAtK(pages, Set.of("b", "c"), 2).getAsDouble()).isCloseTo(1.0, EPS);
    }

    @Test
    void libraryOfTopCorrectLooksAtTheFirstItemOnly() {
        assertThat(RetrievalMetrics.libraryOfTopCorrect(List.of("pandas", "numpy"), "Pandas")).isEqualTo(1.0);
        assertThat(RetrievalMetrics.libraryOfTopCorrect(List.of("numpy", "pandas"), "Pandas")).isEqualTo(0.0);
        assertThat(RetrievalMetrics.libraryOfTopCorrect(List.of(), "Pandas")).isEqualTo(0.0);
        assertThat(RetrievalMetrics.libraryOfTopCorrect(java.util.Arrays.asList((String) null), "Pandas")).isEqualTo(0.0);
    }

    @Test
    void rejectsKBelowOne() {
        assertThatThrownBy(() -> RetrievalMetrics.ndcgAtK(List.of("a"), Set.of("a"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be at least 1");
        assertThatThrownBy(() -> RetrievalMetrics.apiRecallAtK(List.of(), Set.of("a"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
