package dev.spark.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceRecorder;
import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SparkIntegrationTest
class RecommendationStorageTest {

    @Autowired
    RetrievalAgent agent;

    @Autowired
    TraceRecorder recorder;

    @Autowired
    RecommendationAdmin admin;

    @Autowired
    WriteBehind writeBehind;

    @Autowired
    Graph graph;

    @BeforeEach
    void empty() {
        GraphFixtures.clear(graph);
    }

    @Test
    void aRecommendationIsStoredForTheTaskIdItAnnouncedWhichALaterTraceOnTheSameTextAttempts() {
        Recommendation rec = agent.recommend(new RecommendQuery(new TaskInput("Reverse the rows of a DataFrame", null, List.of()),
                "agent-1", 5, Recipe.VECTOR));
        writeBehind.flush();

        var stored = graph.query("MATCH (:Recommendation {id: $id})-[:FOR]->(t:Task) RETURN t.id AS id, t.embedding IS NOT NULL AS embedded",
                Map.of("id", rec.id()));
        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.get("id").asString()).isEqualTo(rec.taskId());
            assertThat(r.get("embedded").asBoolean()).isTrue();
        });
        String traceTask = recorder.record(new TraceInput("agent-1", null, new TaskInput("Reverse the rows of a DataFrame", null, List.of()),
                "df.iloc[::-1]", Outcome.SUCCESS, null, null, List.of(), new TraceInput.Followed(rec.id(), 4), null)).taskId();
        assertThat(traceTask).isEqualTo(rec.taskId());
        assertThat(GraphFixtures.count(graph, "MATCH (t:Task) RETURN count(t)")).isEqualTo(1);
    }

    @Test
    void forgetAllDeletesEveryRecommendationAndLeavesTheirTasks() {
        for (String text : List.of("Reverse the rows of a DataFrame", "Sort an array", "Sort an array")) {
            agent.recommend(new RecommendQuery(new TaskInput(text, null, List.of()), null, 3, Recipe.VECTOR));
        }
        writeBehind.flush();

        assertThat(admin.forgetAll()).isEqualTo(3);
        assertThat(GraphFixtures.count(graph, "MATCH (r:Recommendation) RETURN count(r)")).isZero();
        assertThat(GraphFixtures.count(graph, "MATCH (t:Task) RETURN count(t)")).isEqualTo(2);
    }
}
