package dev.spark.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.curation.CurationService;
import dev.spark.experience.EmbeddingBackfill;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceReceipt;
import dev.spark.experience.TraceRecorder;
import dev.spark.graph.Graph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lesson quality (the trust curation derives from the ratings and outcomes of advice citing a lesson) weighs on
 * every candidate, not only on the best-ranked few: once the two lessons embedding similarity ranks ahead of a
 * third have each been followed to a failure and rated unhelpful, the third comes first.
 */
@SparkIntegrationTest
class LessonQualityRankingTest {

    /** Long enough that BM25 stays out of the fusion, so the lessons are found by embedding only. */
    static final String ASK = "When I select rows of a table by a list of integer positions, how do I keep the rows in "
            + "exactly the order in which the positions appear in the list, including repeated positions?";

    /** Wrote the lessons; asking as this agent, its space's candidate lessons are served. */
    static final String AUTHOR = "agent-author";

    @Autowired
    TraceRecorder recorder;

    @Autowired
    RetrievalAgent agent;

    @Autowired
    EmbeddingBackfill backfill;

    @Autowired
    CurationService curation;

    @Autowired
    Graph graph;

    @BeforeEach
    void empty() {
        GraphFixtures.clear(graph);
    }

    @Test
    void aLessonBeyondTheTopCandidatesOutranksLessonsThatWereRatedUnhelpful() {
        // Three pieces of advice close to the question, from attempts with different APIs (so curation keeps them
        // apart: their API scopes do not overlap), found by embedding similarity in the order written here.
        TraceReceipt closestTrace = lesson("Compute the weekly average of a sensor reading", "import pandas as pd\nresult = df.iloc[[2, 0, 2]]",
                "Selecting rows of a table by a list of integer positions keeps the order of the positions in the list, repeats included.");
        TraceReceipt secondTrace = lesson("Count the words in every line of a text file", "import pandas as pd\nresult = df.take([2, 0, 2])",
                "Rows of a table selected by a list of integer positions come back in the order of that list.");
        TraceReceipt thirdTrace = lesson("Draw a scatter plot of two columns with a colour per group",
                "import numpy as np\nresult = np.take(a, [2, 0, 2], axis=0)", "To take rows by position, select by integer location; the result follows the list of positions.");
        backfill.drain();
        curation.curate("test");
        String closest = lessonOf(closestTrace);
        String second = lessonOf(secondTrace);
        String third = lessonOf(thirdTrace);

        List<RecommendationItem> byEmbedding = ask(3).items();
        assertThat(byEmbedding).extracting(RecommendationItem::ref).as("the lessons by embedding similarity alone")
                .containsExactlyInAnyOrder(closest, second, third);
        assertThat(ask(1).items()).extracting(RecommendationItem::ref).containsExactly(closest);

        followUnhelpfully(closest);
        followUnhelpfully(second);

        assertThat(ask(1).items()).extracting(RecommendationItem::ref).containsExactly(third);
    }

    private Recommendation ask(int k) {
        return agent.recommend(new RecommendQuery(new TaskInput(ASK, null, List.of()), AUTHOR, k, Recipe.FULL));
    }

    /** Asks for one item, expects {@code lesson}, follows it to a failure, rates it 1 and curates the rating. */
    private void followUnhelpfully(String lesson) {
        Recommendation rec = ask(1);
        assertThat(rec.items()).extracting(RecommendationItem::ref).containsExactly(lesson);
        recorder.record(new TraceInput("agent-follower", null, new TaskInput(ASK, null, List.of()), "print('followed')",
                Outcome.FAILURE, null, null, List.of(), new TraceInput.Followed(rec.id(), 1), null));
        curation.curate("test");
        assertThat(graph.query("MATCH (l:Lesson {id: $id}) RETURN l.trust AS trust", Map.of("id", lesson)).get(0).get("trust").asDouble())
                .as("an unhelpful rating and a failure: (1 + 0) / (2 + 2)").isEqualTo(0.25);
    }

    private TraceReceipt lesson(String task, String attempt, String text) {
        return recorder.record(new TraceInput(AUTHOR, null, new TaskInput(task, null, List.of()),
                attempt, Outcome.FAILURE, null, null, List.of(text), null, null));
    }

    private String lessonOf(TraceReceipt trace) {
        return graph.query("MATCH (l:Lesson {kind: 'agent'})-[:LEARNED_FROM]->(:Trace {id: $id}) RETURN l.id AS id",
                Map.of("id", trace.traceId())).get(0).get("id").asString();
    }
}
