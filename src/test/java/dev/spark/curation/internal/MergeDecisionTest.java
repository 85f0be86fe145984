package dev.spark.curation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MergeDecisionTest {

    private static final List<String> SUM = List.of("numpy.sum");
    private final MergeDecision decision = new MergeDecision(0.9, 0.5, true);

    @Test
    void differentValuesOfTheSameKeywordArgumentBlockAMerge() {
        assertThat(MergeDecision.disagreement("np.sum(x, axis=0) gives one total per column.",
                "np.sum(x, axis=1) gives one total per row.")).isPresent();
        assertThat(decision.decide("Reduce with axis=0 to sum down the columns.", SUM,
                "Reduce with axis=1 to sum down the columns.", SUM, 0.97).merge()).isFalse();
    }

    @Test
    void theSameKeywordArgumentWithTheSameValueDoesNotBlock() {
        assertThat(MergeDecision.disagreement("Pass ignore_index=True to pd.concat so the rows are renumbered.",
                "pd.concat keeps every original index; use ignore_index=True to get a fresh one.")).isEmpty();
    }

    @Test
    void renamingTheDataFrameVariableDoesNotBlock() {
        assertThat(MergeDecision.disagreement("Call df.reset_index() after groupby to get the keys back as columns.",
                "After a groupby, frame.reset_index() turns the group keys back into ordinary columns.")).isEmpty();
        assertThat(decision.decide("Call df.reset_index() after groupby to get the keys back as columns.", List.of("pandas.DataFrame.reset_index"),
                "After a groupby, frame.reset_index() turns the group keys back into ordinary columns.",
                List.of("pandas.DataFrame.reset_index"), 0.93).merge()).isTrue();
    }

    @Test
    void differentKeywordArgumentsOnEachSideBlock() {
        assertThat(MergeDecision.disagreement("Pass drop_last=True to DataLoader so no batch is smaller than the rest.",
                "Pass pin_memory=True to DataLoader so batches copy to the GPU faster.")).isPresent();
    }

    @Test
    void anAntonymOnEachSideBlocks() {
        assertThat(MergeDecision.disagreement("In LogisticRegression, increase C to regularize less.",
                "In LogisticRegression, decrease C to regularize more.")).isPresent();
    }

    @Test
    void anAntonymPairMentionedOnBothSidesDoesNotBlock() {
        assertThat(MergeDecision.disagreement("Sort ascending, not descending, before merging.",
                "Merging needs ascending order rather than descending.")).isEmpty();
    }

    @Test
    void aReversedPreferenceBlocks() {
        assertThat(MergeDecision.disagreement("Prefer df = df.dropna() over df.dropna(inplace=True) for chaining.",
                "Prefer df.dropna(inplace=True) over df = df.dropna() when others hold the frame.")).isPresent();
    }

    @Test
    void theSameCallWithDifferentArgumentsBlocks() {
        assertThat(MergeDecision.disagreement("Call np.where(cond, x, y) to choose between two arrays.",
                "Call np.where(cond) to get the indices where cond holds.")).isPresent();
    }

    @Test
    void codeIdentifiersOnEachSideThatTheOtherNeverMentionsBlock() {
        assertThat(MergeDecision.disagreement("Use torch.no_grad() around evaluation loops.",
                "Use torch.inference_mode() around evaluation loops.")).isPresent();
    }

    @Test
    void anIdenticalTextMerges() {
        String text = "Pass axis=1 to df.drop when dropping columns by name.";
        assertThat(decision.decide(text, SUM, text, SUM, 1.0).merge()).isTrue();
    }

    @Test
    void belowTheCosineOrOverlapThresholdNothingMerges() {
        String text = "Pass axis=1 to df.drop when dropping columns by name.";
        assertThat(decision.decide(text, SUM, text, SUM, 0.89).merge()).isFalse();
        assertThat(decision.decide(text, SUM, text, List.of("numpy.mean"), 0.99).merge()).isFalse();
    }

    @Test
    void withoutTheCheckOnlyTheThresholdsDecide() {
        MergeDecision cosineOnly = new MergeDecision(0.9, 0.5, false);
        assertThat(cosineOnly.decide("Reduce with axis=0.", SUM, "Reduce with axis=1.", SUM, 0.95).merge()).isTrue();
    }
}
