package dev.spark.curation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default merge rule on the labelled lesson pairs: a wrong merge loses a lesson's identity, so they must stay rare. */
class MergeDefaultsTest {

    @Test
    void defaultMergeThresholdsMergeAtMostTwoPercentOfDifferentLessonPairs() {
        CurationProperties defaults = CurationProperties.defaults();
        LessonPairs.Score score = LessonPairs.score(LessonPairs.embedded(), defaults.mergeSimilarity(), defaults.mergeApiOverlap());
        System.out.println("Merge defaults on the lesson pairs: " + score);
        assertThat(score.negatives()).isGreaterThanOrEqualTo(150);
        assertThat(score.falseMergeRate()).isLessThanOrEqualTo(0.02);
    }
}
