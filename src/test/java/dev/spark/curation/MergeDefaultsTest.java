package dev.spark.curation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.curation.internal.MergeDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default merge rule on the labelled lesson pairs: a wrong merge loses a lesson's identity, so they must stay rare. */
class MergeDefaultsTest {

    /** Measured 0.020 (1 of 51 held-out paraphrases) with the defaults; the floor still demands that one merges. */
    private static final double RECALL_FLOOR = 0.015;

    private final CurationProperties defaults = CurationProperties.defaults();
    private final MergeDecision decision = new MergeDecision(defaults.mergeSimilarity(), defaults.mergeApiOverlap(),
            defaults.mergeDisagreement());
    private final List<LessonPairs.Pair> pairs = LessonPairs.embedded();

    @Test
    void defaultMergeRuleMergesAtMostTwoPercentOfDifferentLessonPairs() {
        LessonPairs.Score score = LessonPairs.score(pairs, LessonPairs.Half.ALL, "defaults", decision);
        System.out.println("Merge defaults on the lesson pairs: " + score);
        assertThat(score.negatives()).isGreaterThanOrEqualTo(150);
        assertThat(score.falseMergeRate()).isLessThanOrEqualTo(0.02);
    }

    @Test
    void defaultMergeRuleStillMergesSomeHeldOutParaphrases() {
        LessonPairs.Score score = LessonPairs.score(pairs, LessonPairs.Half.HELD_OUT, "defaults", decision);
        System.out.println("Merge defaults on the held-out half: " + score);
        assertThat(score.recall()).isGreaterThanOrEqualTo(RECALL_FLOOR);
    }
}
