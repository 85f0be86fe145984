package dev.spark.forgetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.ai.TextEmbedder;
import dev.spark.curation.CurationReport;
import dev.spark.curation.CurationService;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceReceipt;
import dev.spark.experience.TraceRecorder;
import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import dev.spark.recommend.ItemKind;
import dev.spark.recommend.RecommendQuery;
import dev.spark.recommend.Recommendation;
import dev.spark.recommend.RetrievalAgent;
import dev.spark.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Forgetting told through traces: unique marker words are written into task texts, code, errors, feedback and
 * lessons of two agents in two spaces; after curation one trace, one agent and one space are forgotten, and then
 * every property of every node and relationship in the whole graph is searched for the markers and the forgotten
 * ids, and the full-text and vector indexes are asked for them.
 */
@SparkIntegrationTest
class ForgettingStoryTest {

    static final String SETUP = "import pandas as pd\ndf = pd.DataFrame({'a': [1, 2, 3], 'b': [4, 5, 6]})\nrows = [2, 0]\n";
    static final String SHARED_LESSON = "Select rows by integer position with df.iloc; df.loc looks rows up by label.";

    @Autowired
    TraceRecorder recorder;

    @Autowired
    CurationService curation;

    @Autowired
    Forgetting forgetting;

    @Autowired
    RetrievalAgent retrieval;

    @Autowired
    WriteBehind writeBehind;

    @Autowired
    TextEmbedder embedder;

    @Autowired
    Graph graph;

    String run;

    @BeforeEach
    void freshGraph() {
        GraphFixtures.clear(graph);
        run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void aForgottenTraceLeavesNothingOfItselfAndWhatItSupportedIsCountedAgain() {
        String agentA = "agent-a-" + run;
        String agentB = "agent-b-" + run;
        String space = "team-" + run;
        // a lesson of B's that A's trace will rate: the rating is evidence that forgetting takes back
        TraceReceipt early = record(agentB, space, "Sort a DataFrame by the values of column b", "out = df.sort_values(by='b')",
                Outcome.SUCCESS, null, null, List.of("Sort a DataFrame by a column with DataFrame.sort_values(by=name)."));
        curation.curate("test");
        String rated = lessonLearnedFrom(early.traceId(), "agent");
        String followed = recommendationCiting(rated);
        Recommendation askedByA = retrieval.recommend(new RecommendQuery(
                new TaskInput(task(m("task")), SETUP, List.of("pandas")), agentA, 5, null));
        writeBehind.flush();

        TraceReceipt forgotten = recorder.record(new TraceInput(agentA, null, new TaskInput(task(m("task")), SETUP, List.of("pandas")),
                "first = df.iloc[0]\nresult = df.loc[rows]  # " + m("code"), Outcome.FAILURE, "KeyError: '" + m("error") + " not in index'",
                "the reviewer said " + m("feedback"), List.of(SHARED_LESSON,
                        "Lists of positions " + m("lesson") + " need iloc, never loc."),
                new TraceInput.Followed(followed, 5), space));
        TraceReceipt kept = record(agentB, space, task(""), "result = df.iloc[rows]", Outcome.SUCCESS, null, null, List.of(SHARED_LESSON));
        curation.curate("test");

        String shared = canonicalLearnedFrom(kept.traceId());
        assertThat(lesson(shared, "support")).as("two provenances before").isEqualTo(2);
        assertThat(lesson(shared, "agents")).isEqualTo(2);
        String fix = lessonLearnedFrom(forgotten.traceId(), "fix");
        assertThat(text(fix)).as("the fix quotes the forgotten error").contains(m("error"));
        String own = lessonWithText(m("lesson"));
        assertThat(longProperty("MATCH (l:Lesson {id: $id}) RETURN l.helpful", rated)).as("A's rating credited").isEqualTo(1);
        assertThat(findMarkers()).as("the markers are stored before").isNotEmpty();

        ForgetReport report = forgetting.forgetTrace(forgotten.traceId(), "test");

        assertThat(report.status()).isEqualTo("COMPLETED");
        assertThat(report.traces()).isEqualTo(1);
        assertThat(report.tasks()).isEqualTo(1);
        assertThat(report.failurePatterns()).isEqualTo(1);
        assertThat(report.recommendations()).as("the one made for the forgotten task").isGreaterThanOrEqualTo(1);
        assertThat(report.lessonsRetired()).as("the agent's own lesson and the fix").isGreaterThanOrEqualTo(2);
        assertThat(report.subjectHash()).isEqualTo(Forgetting.subjectHash(ForgetKind.TRACE, forgotten.traceId()));

        assertThat(findMarkers()).as("no property anywhere holds a marker").isEmpty();
        assertThat(find(List.of(forgotten.traceId(), askedByA.id()))).as("nor the forgotten ids").isEmpty();
        assertThat(fullText("lesson_fulltext", m("lesson"))).isZero();
        assertThat(fullText("task_fulltext", m("task"))).isZero();
        assertThat(nearest("lesson_embedding", embedder.embedDocument("Lists of positions " + m("lesson") + " need iloc, never loc.")))
                .doesNotContain(own, fix);

        assertThat(lesson(shared, "support")).as("the lesson B confirmed lost one provenance").isEqualTo(1);
        assertThat(lesson(shared, "agents")).isEqualTo(1);
        assertThat(text(shared)).isEqualTo(SHARED_LESSON);
        assertThat(graph.query("MATCH (:Lesson {id: $id})<-[:MERGED_INTO*0..1]-(:Lesson)-[:LEARNED_FROM]->(t:Trace) RETURN t.id AS id",
                Map.of("id", shared)).stream().map(r -> r.get("id").asString()).toList())
                .as("its provenance is B's trace alone").containsExactly(kept.traceId());
        assertThat(status(shared)).isEqualTo("ACTIVE");
        assertThat(served(agentB, "Pick rows of a DataFrame by integer positions with iloc")).contains(shared);
        for (String retired : List.of(own, fix)) {
            assertThat(status(retired)).isEqualTo("RETIRED");
            assertThat(text(retired)).isEqualTo("(forgotten)");
        }
        assertThat(served(agentB, "Lists of positions need iloc, never loc")).doesNotContain(own, fix);
        assertThat(longProperty("MATCH (l:Lesson {id: $id}) RETURN l.helpful", rated)).as("A's rating withdrawn").isZero();
        assertThat(graph.query("MATCH (l:Lesson {id: $id}) RETURN l.trust AS t", Map.of("id", rated)).get(0).get("t").asDouble())
                .as("the prior again: its rating and its failure are both withdrawn").isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(GraphFixtures.count(graph, "MATCH (f:Forgetting) RETURN count(f)")).isEqualTo(1);

        writeBehind.flush(); // the recommendations asked above are stored behind the answers
        long nodes = GraphFixtures.count(graph, "MATCH (n) RETURN count(n)");
        ForgetReport again = forgetting.forgetTrace(forgotten.traceId(), "test");
        assertThat(again.alreadyForgotten()).isTrue();
        assertThat(again.auditId()).isEqualTo(report.auditId());
        assertThat(GraphFixtures.count(graph, "MATCH (n) RETURN count(n)")).as("forgetting twice writes nothing").isEqualTo(nodes);
        assertThat(forgetting.find(ForgetKind.TRACE, forgotten.traceId())).hasValueSatisfying(f -> assertThat(f.auditId()).isEqualTo(report.auditId()));

        assertThatThrownBy(() -> forgetting.forgetTrace("trace-never-" + run, "test")).isInstanceOf(ForgetSubjectNotFoundException.class)
                .hasMessageContaining("no trace has the id");
        assertThatThrownBy(() -> forgetting.forgetAgent(" ", "test")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("id"));
        assertThat(GraphFixtures.count(graph, "MATCH (f:Forgetting) RETURN count(f)")).as("an unknown id leaves no record").isEqualTo(1);
    }

    @Test
    void aForgottenAgentAndAForgottenSpaceLeaveNothingOfThemEvenFromTheCurationQueue() {
        String agentA = "agent-a-" + run;
        String agentB = "agent-b-" + run;
        String home = "home-" + run;
        String away = "away-" + run;
        List<String> aTraces = new ArrayList<>();
        aTraces.add(record(agentA, home, task(m("a1")), "result = df.iloc[rows]  # " + m("a1code"), Outcome.SUCCESS, null,
                "fine " + m("a1feedback"), List.of(SHARED_LESSON)).traceId());
        aTraces.add(record(agentA, away, "Sum each row of a DataFrame " + m("a2"), "out = df.sum(axis=1)", Outcome.SUCCESS, null, null,
                List.of("Pass axis=1 to DataFrame.sum to add the values of each row " + m("a2lesson") + ".")).traceId());
        TraceReceipt bHome = record(agentB, home, task(""), "result = df.iloc[rows]", Outcome.SUCCESS, null, null, List.of(SHARED_LESSON));
        TraceReceipt bAway = record(agentB, away, "Count the missing values of each column " + m("b2"), "out = df.isna().sum()  # " + m("b2code"),
                Outcome.SUCCESS, null, null, List.of("Count missing values per column with isna().sum() " + m("b2lesson") + "."));
        curation.curate("test");
        String shared = canonicalLearnedFrom(bHome.traceId());
        graph.execute("CREATE (:ApiKey {id: $id, space: $space})", Map.of("id", "key-" + run, "space", away));
        // recorded after the run: still in the curation queue when its agent is forgotten
        aTraces.add(record(agentA, home, "Drop the duplicated rows of a DataFrame " + m("a3"), "out = df.drop_duplicates()", Outcome.SUCCESS,
                null, null, List.of("Remove repeated rows with drop_duplicates " + m("a3lesson") + ".")).traceId());
        retrieval.recommend(new RecommendQuery(new TaskInput("Asked only, never attempted " + m("asked"), null, List.of()), agentA, 3, null));
        writeBehind.flush();

        ForgetReport agent = forgetting.forgetAgent(agentA, "test");

        assertThat(agent.traces()).isEqualTo(3);
        assertThat(agent.agents()).isEqualTo(1);
        List<String> aMarkers = List.of(m("a1"), m("a2"), m("a3"), m("asked"));
        assertThat(find(aMarkers)).isEmpty();
        List<String> aIds = new ArrayList<>(aTraces);
        aIds.add(agentA);
        assertThat(find(aIds)).isEmpty();
        assertThat(lesson(shared, "agents")).isEqualTo(1);
        assertThat(lesson(shared, "support")).isEqualTo(1);
        CurationReport next = curation.curate("test");
        assertThat(next.traces()).as("the forgotten queued trace is not curated, and the run does not fail").isZero();
        assertThat(find(aMarkers)).isEmpty();

        ForgetReport space = forgetting.forgetSpace(away, "test");

        assertThat(space.traces()).isEqualTo(1);
        assertThat(space.spaces()).isEqualTo(1);
        assertThat(space.apiKeys()).isEqualTo(1);
        assertThat(find(List.of(m("b2"), away, bAway.traceId()))).isEmpty();
        assertThat(fullText("lesson_fulltext", m("b2lesson"))).isZero();
        assertThat(fullText("task_fulltext", m("b2"))).isZero();
        assertThat(text(shared)).as("the other space keeps its lessons").isEqualTo(SHARED_LESSON);
        assertThat(GraphFixtures.count(graph, "MATCH (f:Forgetting {status: 'COMPLETED'}) RETURN count(f)")).isEqualTo(2);
        assertThat(forgetting.forgetSpace(away, "test").alreadyForgotten()).isTrue();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** A marker word unique to this test run. */
    private String m(String what) {
        return "zq" + run + what;
    }

    private static String task(String marker) {
        return ("Select the rows of a DataFrame at a list of integer positions " + marker).strip();
    }

    private TraceReceipt record(String agent, String space, String task, String attempt, Outcome outcome, String error, String feedback,
                                List<String> lessons) {
        return recorder.record(new TraceInput(agent, null, new TaskInput(task, SETUP, List.of("pandas")), attempt, outcome, error,
                feedback, lessons, null, space));
    }

    /** Every node and relationship property (list elements one by one) that contains one of the needles. */
    private List<String> find(List<String> needles) {
        List<Record> rows = graph.query("""
                CALL () {
                  MATCH (n) UNWIND keys(n) AS key RETURN labels(n)[0] AS owner, key, n[key] AS value
                  UNION ALL
                  MATCH ()-[r]->() UNWIND keys(r) AS key RETURN type(r) AS owner, key, r[key] AS value
                }
                WITH owner, key, CASE WHEN valueType(value) STARTS WITH 'LIST' THEN value ELSE [value] END AS values
                UNWIND values AS v
                WITH owner, key, toString(v) AS s WHERE any(x IN $needles WHERE s CONTAINS x)
                RETURN owner + '.' + key + ' = ' + s AS hit""", Map.of("needles", needles));
        List<String> labels = graph.query("""
                MATCH (n) UNWIND labels(n) AS label WITH DISTINCT label WHERE any(x IN $needles WHERE label CONTAINS x)
                RETURN label""", Map.of("needles", needles)).stream().map(r -> r.get(0).asString()).toList();
        List<String> hits = new ArrayList<>(rows.stream().map(r -> r.get("hit").asString()).toList());
        hits.addAll(labels);
        return hits;
    }

    private List<String> findMarkers() {
        return find(List.of("zq" + run));
    }

    private long fullText(String index, String word) {
        return graph.query("CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN count(node) AS n",
                Map.of("index", index, "q", word)).get(0).get("n").asLong();
    }

    private List<String> nearest(String index, float[] vector) {
        return graph.query("CALL db.index.vector.queryNodes($index, 10, $v) YIELD node RETURN node.id AS id",
                Map.of("index", index, "v", vector)).stream().map(r -> r.get("id").asString()).toList();
    }

    private List<String> served(String agentId, String taskText) {
        Recommendation r = retrieval.recommend(new RecommendQuery(new TaskInput(taskText, SETUP, List.of("pandas")), agentId, 10, null));
        return r.items().stream().filter(i -> i.kind() == ItemKind.LESSON).map(i -> i.ref().replaceFirst("^lesson:", "")).toList();
    }

    private String lessonLearnedFrom(String traceId, String kind) {
        return graph.query("MATCH (l:Lesson {kind: $kind})-[:LEARNED_FROM]->(:Trace {id: $trace}) RETURN l.id AS id",
                Map.of("kind", kind, "trace", traceId)).get(0).get("id").asString();
    }

    private String canonicalLearnedFrom(String traceId) {
        return graph.query("""
                MATCH (l:Lesson {kind: 'agent'})-[:LEARNED_FROM]->(:Trace {id: $trace})
                OPTIONAL MATCH (l)-[:MERGED_INTO]->(c:Lesson)
                RETURN coalesce(c.id, l.id) AS id""", Map.of("trace", traceId)).get(0).get("id").asString();
    }

    private String lessonWithText(String marker) {
        return graph.query("MATCH (l:Lesson) WHERE l.text CONTAINS $m RETURN l.id AS id", Map.of("m", marker)).get(0).get("id").asString();
    }

    private String recommendationCiting(String lessonId) {
        String id = "rec-" + UUID.randomUUID();
        graph.execute("MATCH (l:Lesson {id: $lesson}) CREATE (r:Recommendation {id: $id, text: 'advice', createdAt: datetime()})"
                + "-[:CITES {rank: 1, score: 1.0}]->(l)", Map.of("lesson", lessonId, "id", id));
        return id;
    }

    private long lesson(String id, String property) {
        return graph.query("MATCH (l:Lesson {id: $id}) RETURN l[$p] AS v", Map.of("id", id, "p", property)).get(0).get("v").asLong();
    }

    private long longProperty(String cypher, String id) {
        return graph.query(cypher, Map.of("id", id)).get(0).get(0).asLong(0);
    }

    private String text(String id) {
        return graph.query("MATCH (l:Lesson {id: $id}) RETURN l.text AS t", Map.of("id", id)).get(0).get("t").asString();
    }

    private String status(String id) {
        return graph.query("MATCH (l:Lesson {id: $id}) RETURN l.status AS s", Map.of("id", id)).get(0).get("s").asString();
    }
}
