package dev.spark.recommend.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.recommend.ItemKind;
import dev.spark.recommend.retrieval.Ranker.Candidate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemWindowTest {

    @Test
    void documentationRankedBelowManyLessonsIsStillReadToFillItsPlaces() {
        // 40 lessons outrank every page, as they do once many promoted lessons share a task's topic
        List<Candidate> ranked = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ranked.add(new Candidate(ItemKind.LESSON, "lesson-" + i, 1.0 - i * 0.001, List.of()));
        }
        for (int i = 0; i < 30; i++) {
            ranked.add(new Candidate(ItemKind.DOCUMENTATION, "doc-" + i, 0.5 - i * 0.001, List.of()));
        }

        List<Candidate> window = ItemHydrator.window(ranked, 20);

        assertThat(window).filteredOn(c -> c.kind() == ItemKind.DOCUMENTATION).extracting(Candidate::ref)
                .as("the best pages, in their order").containsExactlyElementsOf(ranked.subList(40, 60).stream().map(Candidate::ref).toList());
        assertThat(window).filteredOn(c -> c.kind() == ItemKind.LESSON).extracting(Candidate::ref)
                .containsExactlyElementsOf(ranked.subList(0, 20).stream().map(Candidate::ref).toList());
        assertThat(window.subList(0, 20)).as("ranked order is kept").allMatch(c -> c.kind() == ItemKind.LESSON);
    }

    @Test
    void aShortRankingIsTakenWhole() {
        List<Candidate> ranked = List.of(new Candidate(ItemKind.DOCUMENTATION, "doc", 1.0, List.of()),
                new Candidate(ItemKind.EXAMPLE, "trace", 0.9, List.of()));

        assertThat(ItemHydrator.window(ranked, 20)).containsExactlyElementsOf(ranked);
    }
}
