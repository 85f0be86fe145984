package dev.spark.experience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.neo4j.driver.exceptions.Neo4jException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

/** Recording a trace commits all of it or nothing, and announces what it committed. */
@SparkIntegrationTest
class TraceRecordingTest {

    static final List<String> LABELS = List.of("Agent", "Task", "Trace", "Space", "Lesson", "FailurePattern", "Api");

    static final String KEY_ERROR = "Traceback (most recent call last):\n  File \"s.py\", line 2, in <module>\n"
            + "    out = df.groupby('Region')['sales'].sum()\nKeyError: 'Region'";

    @Autowired
    TraceRecorder recorder;

    @Autowired
    Graph graph;

    @Autowired
    ApplicationEventMulticaster multicaster;

    final List<TraceRecorded> announced = new CopyOnWriteArrayList<>();
    final List<Boolean> committedWhenAnnounced = new CopyOnWriteArrayList<>();
    final ApplicationListener<PayloadApplicationEvent<TraceRecorded>> listener = event -> {
        announced.add(event.getPayload());
        // a separate transaction sees the trace only once the recording transaction has committed
        committedWhenAnnounced.add(!graph.query("MATCH (t:Trace {id: $id}) RETURN t.id", Map.of("id", event.getPayload().traceId())).isEmpty());
    };

    @BeforeEach
    void listen() {
        GraphFixtures.clear(graph);
        multicaster.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        multicaster.removeApplicationListener(listener);
    }

    @Test
    void aWriteFailingAfterTheTraceWasCreatedLeavesNothingOfTheTrace() {
        // filing the failure is written after the trace; a stored pattern whose counter is not a number makes it fail
        String signature = recorder.record(new TraceInput("agent-first", null,
                new TaskInput("Total sales per region from a report table", null, List.of("pandas")),
                "import pandas as pd\nout = df.groupby('Region')['sales'].sum()", Outcome.FAILURE, KEY_ERROR, null, List.of(), null, null))
                .failurePattern();
        graph.execute("MATCH (f:FailurePattern {signature: $signature}) SET f.occurrences = true", Map.of("signature", signature));
        announced.clear();
        Map<String, Long> before = counts();
        long relationships = GraphFixtures.count(graph, "MATCH ()-[r]->() RETURN count(r)");

        assertThatThrownBy(() -> recorder.record(new TraceInput("agent-new", "model-x",
                new TaskInput("Total sales per region from a report table", null, List.of("pandas")),
                "import pandas as pd\nout = df.groupby('Region')['sales'].sum()\nrolled = df.rolling_sales_brand_new()", Outcome.FAILURE,
                KEY_ERROR, null, List.of("Check the column names before grouping."), null, "team-new")))
                .as("the driver's own error, which its retry logic understands, not a translated one")
                .isInstanceOf(Neo4jException.class).hasMessageContaining("Boolean");

        assertThat(counts()).isEqualTo(before);
        assertThat(GraphFixtures.count(graph, "MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
        assertThat(announced).isEmpty();
    }

    @Test
    void aTraceKeepsTheAgentsLessonsAsTextAndWaitsForCuration() {
        TraceReceipt receipt = recorder.record(new TraceInput("agent-1", null, new TaskInput("Sort an array", null, List.of()),
                "print(sorted(a))", Outcome.SUCCESS, null, null, List.of("Sort a copy with sorted(); list.sort() sorts in place."), null, null));

        var trace = graph.query("MATCH (t:Trace {id: $id}) RETURN t:Uncurated AS uncurated, t.lessons AS lessons",
                Map.of("id", receipt.traceId())).get(0);
        assertThat(trace.get("uncurated").asBoolean()).as("labelled in the creating transaction").isTrue();
        assertThat(trace.get("lessons").asList()).containsExactly("Sort a copy with sorted(); list.sort() sorts in place.");
        assertThat(GraphFixtures.count(graph, "MATCH (l:Lesson) RETURN count(l)")).as("lessons are curation's to create").isZero();
        assertThat(receipt.lessonIds()).isEmpty();
    }

    @Test
    void aCommittedTraceIsAnnouncedWithWhatItStored() {
        graph.execute("CREATE (:Recommendation {id: 'rec-1'})", Map.of());

        TraceReceipt receipt = recorder.record(new TraceInput("agent-1", null,
                new TaskInput("Total sales per region from a report table", null, List.of("pandas")),
                "import pandas as pd\nout = df.groupby('Region')['sales'].sum()", Outcome.FAILURE, KEY_ERROR, null,
                List.of("Check the column names before grouping."), new TraceInput.Followed("rec-1", 2), "team-a"));

        assertThat(announced).containsExactly(new TraceRecorded(receipt.traceId(), receipt.taskId(), "agent-1", "team-a",
                Outcome.FAILURE, receipt.apis(), receipt.failurePattern(), receipt.lessonIds(), "rec-1", 2));
        assertThat(receipt.apis()).contains("pandas.DataFrame.groupby");
        assertThat(receipt.failurePattern()).startsWith("KeyError");
        assertThat(committedWhenAnnounced).containsExactly(true);
    }

    @Test
    void aTraceWithoutFollowedRecommendationIsAnnouncedWithoutRating() {
        TraceReceipt receipt = recorder.record(new TraceInput("agent-2", null, new TaskInput("Sort an array", null, List.of()),
                "print(sorted(a))", Outcome.SUCCESS, null, null, List.of(), null, null));

        assertThat(announced).singleElement().satisfies(e -> {
            assertThat(e.traceId()).isEqualTo(receipt.traceId());
            assertThat(e.space()).isEqualTo(TraceInput.COMMONS);
            assertThat(e.failureSignature()).isNull();
            assertThat(e.followedRecommendationId()).isNull();
            assertThat(e.rating()).isNull();
        });
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String label : LABELS) {
            // labels come from the constant list above
            counts.put(label, GraphFixtures.count(graph, "MATCH (n:" + label + ") RETURN count(n)"));
        }
        return counts;
    }
}
