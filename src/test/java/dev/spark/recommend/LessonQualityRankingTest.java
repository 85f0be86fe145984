package dev.spark.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.experience.EmbeddingBackfill;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceReceipt;
import dev.spark.experience.TraceRecorder;
import dev.spark.graph.Graph;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lesson quality (the success rate of the traces behind a lesson) weighs on every candidate, not only on the
 * best-ranked few: a proven lesson that embedding similarity alone ranks third still comes first when the two
 * ahead of it come from failed attempts.
 */
@SparkIntegrationTest
class LessonQualityRankingTest {

    /** Long enough that BM25 stays out of the fusion, so the lessons are found by embedding only. */
    static final String ASK = "When I select rows of a table by a list of integer positions, how do I keep the rows in "
            + "exactly the order in which the positions appear in the list, including repeated positions?";

    @Autowired
    TraceRecorder recorder;

    @Autowired
    RetrievalAgent agent;

    @Autowired
    EmbeddingBackfill backfill;

    @Autowired
    Graph graph;

    @BeforeEach
    void empty() {
        GraphFixtures.clear(graph);
    }

    @Test
    void aProvenLessonBeyondTheTopCandidatesOutranksLessonsFromFailedAttempts() {
        String closest = lesson("Compute the weekly average of a sensor reading", Outcome.FAILURE,
                "Selecting rows of a table by a list of integer positions keeps the order of the positions in the list, repeats included.");
        String second = lesson("Count the words in every line of a text file", Outcome.FAILURE,
                "Rows of a table selected by a list of integer positions come back in the order of that list.");
        String proven = lesson("Draw a scatter plot of two columns with a colour per group", Outcome.SUCCESS,
                "To take rows by position, select by integer location; the result follows the list of positions.");
        backfill.drain();

        List<RecommendationItem> byEmbedding = agent.recommend(new RecommendQuery(new TaskInput(ASK, null, List.of()), null, 3, Recipe.FULL)).items();
        assertThat(byEmbedding).extracting(RecommendationItem::ref).as("the lessons by embedding similarity alone")
                .containsExactlyInAnyOrder(closest, second, proven);

        Recommendation best = agent.recommend(new RecommendQuery(new TaskInput(ASK, null, List.of()), null, 1, Recipe.FULL));

        assertThat(best.items()).extracting(RecommendationItem::ref).containsExactly(proven);
    }

    private String lesson(String task, Outcome outcome, String text) {
        TraceReceipt receipt = recorder.record(new TraceInput("agent-" + outcome, null, new TaskInput(task, null, List.of()),
                "print('attempt')", outcome, null, null, List.of(text), null, null));
        return receipt.lessonIds().get(0);
    }
}
