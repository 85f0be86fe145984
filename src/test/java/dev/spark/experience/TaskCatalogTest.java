package dev.spark.experience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SparkIntegrationTest
class TaskCatalogTest {

    @Autowired
    TaskCatalog tasks;

    @Autowired
    TraceRecorder recorder;

    @Autowired
    ExperienceAdmin admin;

    @Autowired
    Graph graph;

    @BeforeEach
    void empty() {
        GraphFixtures.clear(graph);
    }

    @Test
    void aTasksIdIsKnownBeforeItIsStoredAndStaysTheSameWhoeverStoresIt() {
        TaskInput asked = new TaskInput("Reverse the rows of a DataFrame", null, List.of("pandas"));
        String promised = tasks.idFor(asked);
        assertThat(tasks.idOf(asked)).isEmpty();

        String stored = graph.write(tx -> tasks.ensure(tx, asked, vector(0.5f)));
        TraceReceipt receipt = recorder.record(new TraceInput("agent-1", null,
                new TaskInput("Reverse  the rows of a DataFrame ", null, List.of("numpy")), "df.iloc[::-1]", Outcome.SUCCESS,
                null, null, List.of(), null, null));

        assertThat(stored).isEqualTo(promised);
        assertThat(receipt.taskId()).as("the same text up to whitespace is the same task").isEqualTo(promised);
        assertThat(tasks.idOf(asked)).contains(promised);
        var task = graph.query("MATCH (t:Task) RETURN t.libraries AS libraries, t.embedding[0] AS first", Map.of());
        assertThat(task).hasSize(1);
        assertThat(task.get(0).get("libraries").asList()).containsExactly("pandas", "numpy");
        assertThat(task.get(0).get("first").asFloat()).isEqualTo(0.5f);
    }

    @Test
    void ensureKeepsAnEmbeddingTheTaskAlreadyHas() {
        TaskInput task = new TaskInput("Reverse the rows of a DataFrame", null, List.of());
        graph.write(tx -> tasks.ensure(tx, task, vector(0.5f)));
        graph.write(tx -> tasks.ensure(tx, task, vector(0.25f)));
        graph.write(tx -> tasks.ensure(tx, task, null));

        assertThat(graph.query("MATCH (t:Task) RETURN t.embedding[0] AS first", Map.of()).get(0).get("first").asFloat()).isEqualTo(0.5f);
    }

    @Test
    void forgetAllDeletesEveryKindOfExperienceAndCountsIt() {
        recorder.record(new TraceInput("agent-1", null, new TaskInput("Sort an array", null, List.of()), "print(sorted(a))",
                Outcome.FAILURE, "Traceback (most recent call last):\nValueError: bad", null, List.of("Sort a copy."), null, "team-a"));
        graph.execute("CREATE (:Doc {id: 'doc-1'})", Map.of());
        assertThat(admin.hasExperience()).isTrue();

        long deleted = admin.forgetAll();

        assertThat(deleted).as("agent, task, trace, failure pattern, space (the lesson stays text on the trace)").isEqualTo(5);
        assertThat(admin.hasExperience()).isFalse();
        assertThat(GraphFixtures.count(graph, "MATCH (d:Doc) RETURN count(d)")).isEqualTo(1);
    }

    @Test
    void forgetAllLeavesLessonsToCurationWhichOwnsThem() {
        recorder.record(new TraceInput("agent-1", null, new TaskInput("Sort an array", null, List.of()), "print(sorted(a))",
                Outcome.SUCCESS, null, null, List.of(), null, null));
        graph.execute("CREATE (:Lesson {id: 'lesson-1', text: 'Sort a copy.', status: 'ACTIVE'})", Map.of());

        assertThat(admin.forgetAll()).as("agent, task, trace, space").isEqualTo(4);
        assertThat(GraphFixtures.count(graph, "MATCH (l:Lesson) RETURN count(l)")).isEqualTo(1);
        assertThat(admin.hasExperience()).as("a lesson is experience until curation forgets it").isTrue();
    }

    private static float[] vector(float first) {
        float[] v = new float[384];
        v[0] = first;
        v[1] = 1;
        return v;
    }
}
