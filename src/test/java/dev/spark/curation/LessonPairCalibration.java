package dev.spark.curation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sweep behind the merge defaults ({@code spark.curation.merge-similarity}, {@code merge-api-overlap}): every
 * combination of thresholds on the labelled pair set, and the best recall among those that merge at most 2% of
 * different-lesson pairs. Not part of the default test run (its name does not end in Test); run it with
 * {@code ./mvnw -B -o test -Dtest=LessonPairCalibration}.
 */
class LessonPairCalibration {

    @Test
    void sweepMergeThresholds() {
        List<LessonPairs.Pair> pairs = LessonPairs.embedded();
        Map<String, Double> medians = pairs.stream().collect(Collectors.groupingBy(LessonPairs.Pair::kind,
                Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().mapToDouble(LessonPairs.Pair::cosine).sorted()
                        .skip(l.size() / 2).findFirst().orElse(0))));
        System.out.println("median cosine by kind: " + medians);
        LessonPairs.Score best = null;
        for (double overlap : new double[] {0.0, 0.2, 0.34, 0.5, 0.67, 1.0}) {
            for (int s = 75; s <= 99; s++) {
                LessonPairs.Score score = LessonPairs.score(pairs, s / 100.0, overlap);
                System.out.println(score);
                if (score.falseMergeRate() <= 0.02 && (best == null || score.recall() > best.recall())) {
                    best = score;
                }
            }
        }
        System.out.println("best with false merges <= 2%: " + best);
        pairs.stream().filter(p -> !p.same()).sorted(Comparator.comparingDouble(LessonPairs.Pair::cosine).reversed()).limit(10)
                .forEach(p -> System.out.println("closest different pair: " + p));
    }
}
