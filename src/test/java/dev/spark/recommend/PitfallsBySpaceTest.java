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
import dev.spark.forgetting.Forgetting;
import dev.spark.graph.Graph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * A pitfall is shown with how many traces of the caller's spaces hit its failure pattern and the latest of them: kept
 * per space on the pattern's {@code SEEN_IN} edges when a trace is recorded, moved when a trace is forgotten, and read
 * by the statements that find the pattern.
 */
@SparkIntegrationTest
class PitfallsBySpaceTest {

    private static final String SETUP = "import pandas as pd\ndf = pd.DataFrame({'a': [1, 2, 3]})\nrows = [2, 0]\n";
    private static final String ERROR = "Traceback (most recent call last):\n  File \"solution.py\", line 4, in <module>\n"
            + "    result = df.loc[rows]\nKeyError: '[2, 0] not in index'";
    private static final String ASKED = "How do I get the rows of a pandas DataFrame at integer positions given in a list?";

    @Autowired
    TraceRecorder recorder;

    @Autowired
    RetrievalAgent agent;

    @Autowired
    EmbeddingBackfill backfill;

    @Autowired
    Forgetting forgetting;

    @Autowired
    Graph graph;

    @BeforeEach
    void empty() {
        GraphFixtures.clear(graph);
    }

    @Test
    void aPitfallIsCountedWithinTheCallersSpacesAndPointsAtTheirLatestTrace() {
        TraceReceipt first = failure("agent-a", "team-a", "Select rows of a pandas DataFrame at a list of integer positions");
        TraceReceipt second = failure("agent-a", "team-a", "Pick the rows of a pandas DataFrame at integer positions from a list");
        TraceReceipt elsewhere = failure("agent-b", "team-b", "Get rows of a pandas DataFrame by a list of integer positions");
        backfill.drain();
        assertThat(first.failurePattern()).isEqualTo(second.failurePattern()).isEqualTo(elsewhere.failurePattern());

        assertThat(seen("team-a")).containsExactly(2L, second.traceId());
        assertThat(seen("team-b")).containsExactly(1L, elsewhere.traceId());
        assertThat(pitfall(null)).as("every space visible").hasValueSatisfying(p -> {
            assertThat(p.text()).contains("(3 time(s))");
            assertThat(p.source()).isEqualTo("trace:" + elsewhere.traceId());
        });
        assertThat(pitfall("team-a")).as("team-a and commons visible").hasValueSatisfying(p -> {
            assertThat(p.text()).contains("(2 time(s))");
            assertThat(p.source()).isEqualTo("trace:" + second.traceId());
        });

        forgetting.forgetTrace(second.traceId(), "test");
        assertThat(seen("team-a")).as("the space's last trace moves to the newest one left").containsExactly(1L, first.traceId());
        assertThat(pitfall("team-a")).hasValueSatisfying(p -> {
            assertThat(p.text()).contains("(1 time(s))");
            assertThat(p.source()).isEqualTo("trace:" + first.traceId());
        });

        forgetting.forgetTrace(first.traceId(), "test");
        assertThat(seen("team-a")).as("no trace of team-a hits the pattern any more").isEmpty();
        assertThat(pitfall("team-a")).isEmpty();
        assertThat(pitfall(null)).hasValueSatisfying(p -> assertThat(p.source()).isEqualTo("trace:" + elsewhere.traceId()));
    }

    @Test
    void theMigrationBuildsTheSameCountsFromTracesRecordedBefore() throws IOException {
        failure("agent-a", "team-a", "Select rows of a pandas DataFrame at a list of integer positions");
        TraceReceipt last = failure("agent-a", "team-a", "Pick the rows of a pandas DataFrame at integer positions from a list");
        failure("agent-b", "team-b", "Get rows of a pandas DataFrame by a list of integer positions");
        List<Object> recorded = List.of(seen("team-a"), seen("team-b"));
        graph.execute("MATCH (:FailurePattern)-[s:SEEN_IN]->() DELETE s", Map.of());

        String migration = new ClassPathResource("cypher/migrations/V0009__failure_patterns_by_space.cypher")
                .getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^//.*$", "").strip();
        graph.execute(migration.substring(0, migration.length() - 1), Map.of());

        assertThat(List.<Object>of(seen("team-a"), seen("team-b"))).isEqualTo(recorded);
        assertThat(seen("team-a")).containsExactly(2L, last.traceId());
    }

    private TraceReceipt failure(String agentId, String space, String task) {
        return recorder.record(new TraceInput(agentId, null, new TaskInput(task, SETUP, List.of("pandas")), "result = df.loc[rows]",
                Outcome.FAILURE, ERROR, null, List.of(), null, space));
    }

    /** The SEEN_IN edge to the space: occurrences and last trace; empty without one. */
    private List<Object> seen(String space) {
        return graph.query("MATCH (:FailurePattern)-[s:SEEN_IN]->(:Space {id: $space}) RETURN s.occurrences AS n, s.lastTraceId AS last",
                Map.of("space", space)).stream().<Object>flatMap(r -> Stream.of(r.get("n").asLong(), r.get("last").asString()))
                .toList();
    }

    private Optional<RecommendationItem> pitfall(String space) {
        return agent.recommend(new RecommendQuery(new TaskInput(ASKED, null, List.of()), null, 10, Recipe.FULL, space)).items().stream()
                .filter(i -> i.kind() == ItemKind.PITFALL).findFirst();
    }
}
