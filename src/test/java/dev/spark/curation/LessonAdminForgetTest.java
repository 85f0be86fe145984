package dev.spark.curation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceRecorder;
import dev.spark.graph.Graph;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Starting over (as the evaluation does) removes what curation learned, and only that. */
@SparkIntegrationTest
class LessonAdminForgetTest {

    @Autowired
    TraceRecorder recorder;

    @Autowired
    CurationService curation;

    @Autowired
    LessonAdmin admin;

    @Autowired
    Graph graph;

    @BeforeEach
    void empty() {
        GraphFixtures.clear(graph);
    }

    @Test
    void forgetAllDeletesLessonsClustersRunsAndTheLeaseButNoTrace() {
        recorder.record(new TraceInput("agent-forget", null, new TaskInput("Reverse the rows of a DataFrame", null, List.of("pandas")),
                "result = df.iloc[::-1]", Outcome.SUCCESS, null, null, List.of("Reverse rows with df.iloc[::-1]."), null, null));
        curation.curate("test");
        long learned = GraphFixtures.count(graph, "MATCH (n) WHERE n:Lesson OR n:LessonCluster OR n:CurationRun OR n:CurationLease RETURN count(n)");
        assertThat(GraphFixtures.count(graph, "MATCH (n:Lesson) RETURN count(n)")).isPositive();
        assertThat(GraphFixtures.count(graph, "MATCH (n:LessonCluster) RETURN count(n)")).isPositive();
        assertThat(GraphFixtures.count(graph, "MATCH (n:CurationRun) RETURN count(n)")).isPositive();
        assertThat(GraphFixtures.count(graph, "MATCH (n:CurationLease) RETURN count(n)")).isPositive();

        assertThat(admin.forgetAll()).isEqualTo(learned);

        assertThat(GraphFixtures.count(graph, "MATCH (n) WHERE n:Lesson OR n:LessonCluster OR n:CurationRun OR n:CurationLease RETURN count(n)"))
                .isZero();
        assertThat(GraphFixtures.count(graph, "MATCH (t:Trace) RETURN count(t)")).isEqualTo(1);
    }
}
