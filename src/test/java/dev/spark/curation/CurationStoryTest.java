package dev.spark.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.curation.internal.CurationRepository;
import dev.spark.curation.internal.TraceHook;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceReceipt;
import dev.spark.experience.TraceRecorder;
import dev.spark.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The learning loop told through traces: what two agents report becomes one lesson with both provenances, a
 * failure followed by a success becomes a fix, contradicting fixes wait for evidence, ratings promote and retire,
 * and runs stay whole when they crash or collide. Each test uses its own agent and space ids.
 */
@SparkIntegrationTest
class CurationStoryTest {

    static final String SETUP = "import pandas as pd\ndf = pd.DataFrame({'a': [1, 2, 3], 'b': [4, 5, 6]})\nrows = [2, 0]\n";
    static final String KEY_ERROR = "Traceback (most recent call last):\n  File \"s.py\", line 4, in <module>\n    result = df.loc[rows]\nKeyError: '[2, 0] not in index'";

    @Autowired
    TraceRecorder recorder;

    @Autowired
    CurationService curation;

    @Autowired
    CurationRepository repository;

    @Autowired
    Graph graph;

    String run;

    @BeforeEach
    void freshGraph() {
        GraphFixtures.clear(graph);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void restatedLessonsFromTwoAgentsMergeAndKeepBothProvenances() {
        TraceReceipt a = trace("a", "Pick rows of a DataFrame by integer positions", "result = df.iloc[rows]", Outcome.SUCCESS, null,
                List.of("Select rows by integer position with df.iloc; df.loc looks rows up by label."));
        TraceReceipt b = trace("b", "Get rows of a DataFrame at a list of positions", "out = df.iloc[rows]", Outcome.SUCCESS, null,
                List.of("Select rows by integer position with df.iloc, since df.loc looks rows up by label."));

        CurationReport report = curation.curate("test");

        assertThat(report.merged()).isGreaterThanOrEqualTo(1);
        List<Record> canonical = graph.query("""
                MATCH (c:Lesson {kind: 'agent'})<-[:MERGED_INTO]-(d:Lesson {status: 'MERGED'})
                MATCH (d)-[:LEARNED_FROM]->(td:Trace), (c)-[:LEARNED_FROM]->(tc:Trace)
                RETURN c.status AS status, c.support AS support, c.agents AS agents, td.id AS dupTrace, tc.id AS canonTrace,
                       d.text AS dupText""", Map.of());
        assertThat(canonical).singleElement().satisfies(r -> {
            assertThat(r.get("support").asInt()).isEqualTo(2);
            assertThat(r.get("agents").asInt()).isEqualTo(2);
            assertThat(r.get("status").asString()).as("two distinct agents promote it").isEqualTo("ACTIVE");
            assertThat(List.of(r.get("dupTrace").asString(), r.get("canonTrace").asString()))
                    .containsExactlyInAnyOrder(a.traceId(), b.traceId());
            assertThat(r.get("dupText").asString()).contains("since df.loc");
        });
        assertThat(decisions("MERGED")).isEqualTo(1);
        assertThat(decisions("PROMOTED")).isGreaterThanOrEqualTo(1);
        assertThat(GraphFixtures.count(graph, "MATCH (t:Trace:Uncurated) RETURN count(t)")).isZero();
    }

    @Test
    void lessonsWithDifferentAdviceAboutTheSameApiStaySeparate() {
        trace("a", "Sum each row of a DataFrame", "out = df.sum(axis=1)", Outcome.SUCCESS, null,
                List.of("Pass axis=1 to DataFrame.sum to add up the values of each row."));
        trace("b", "Sum each column of a DataFrame", "out = df.sum(axis=0)", Outcome.SUCCESS, null,
                List.of("Pass axis=0 to DataFrame.sum to add up the values of each column."));

        curation.curate("test");

        assertThat(GraphFixtures.count(graph, "MATCH (l:Lesson {kind: 'agent', status: 'CANDIDATE'}) RETURN count(l)")).isEqualTo(2);
        assertThat(GraphFixtures.count(graph, "MATCH (l:Lesson {kind: 'example', status: 'CANDIDATE'}) RETURN count(l)"))
                .as("worked examples whose code differs are different examples").isEqualTo(2);
        assertThat(GraphFixtures.count(graph, "MATCH ()-[m:MERGED_INTO]->() RETURN count(m)")).isZero();
    }

    @Test
    void aFailureFollowedByASuccessGivesAFixLessonWithWhatChanged() {
        String task = "Select the rows of a DataFrame at a list of integer positions";
        TraceReceipt failed = trace("a", task, "result = df.loc[rows]", Outcome.FAILURE, KEY_ERROR, List.of());
        TraceReceipt worked = trace("a", task, "result = df.iloc[rows]", Outcome.SUCCESS, null, List.of());

        curation.curate("test");

        Record fix = graph.query("""
                MATCH (l:Lesson {kind: 'fix'})-[:LEARNED_FROM {role: 'failure'}]->(:Trace {id: $failed})
                MATCH (l)-[:LEARNED_FROM {role: 'source'}]->(:Trace {id: $worked})
                OPTIONAL MATCH (l)-[:AVOIDS]->(f:FailurePattern)
                RETURN l.text AS text, l.dropped AS dropped, l.added AS added, l.agents AS agents, collect(f.signature) AS avoids""",
                Map.of("failed", failed.traceId(), "worked", worked.traceId())).get(0);
        assertThat(fix.get("text").asString()).contains("`pandas.DataFrame.loc` raised KeyError").contains("`pandas.DataFrame.iloc` worked");
        assertThat(fix.get("dropped").asList()).containsExactly("pandas.DataFrame.loc");
        assertThat(fix.get("added").asList()).containsExactly("pandas.DataFrame.iloc");
        assertThat(fix.get("avoids").asList()).containsExactly(failed.failurePattern());
        assertThat(GraphFixtures.count(graph, "MATCH (l:Lesson {kind: 'example'}) RETURN count(l)")).as("the success is a worked example too").isEqualTo(1);
    }

    @Test
    void contradictoryFixesAreHeldBackUntilOutcomesSettleThem() {
        TraceReceipt f1 = trace("a", "Rows of a frame at positions two and zero", "result = df.loc[rows]", Outcome.FAILURE, KEY_ERROR, List.of());
        trace("a", "Rows of a frame at positions two and zero", "result = df.iloc[rows]", Outcome.SUCCESS, null, List.of());
        trace("b", "Plot the cumulative sum of the sales column as a line chart", "result = df.iloc[rows]", Outcome.FAILURE,
                "IndexError: positional indexers are out-of-bounds", List.of());
        trace("b", "Plot the cumulative sum of the sales column as a line chart", "result = df.loc[rows]", Outcome.SUCCESS, null, List.of());

        curation.curate("test");

        List<Record> fixes = graph.query("""
                MATCH (l:Lesson {kind: 'fix'}) RETURN l.id AS id, l.contested AS contested, l.added AS added ORDER BY l.createdAt""", Map.of());
        assertThat(fixes).hasSize(2).allMatch(r -> r.get("contested").asBoolean());
        assertThat(GraphFixtures.count(graph, "MATCH (:Lesson {kind: 'fix'})-[c:CONTRADICTS]->(:Lesson {kind: 'fix'}) RETURN count(c)")).isEqualTo(2);
        assertThat(decisions("CONTRADICTED")).isEqualTo(2);
        String iloc = fixes.stream().filter(r -> r.get("added").asList().contains("pandas.DataFrame.iloc")).findFirst().orElseThrow().get("id").asString();
        String loc = fixes.stream().filter(r -> r.get("added").asList().contains("pandas.DataFrame.loc")).findFirst().orElseThrow().get("id").asString();

        // recommendations made before the contradiction cited them; agents that followed them report back
        String good = recommendationCiting(iloc);
        String bad = recommendationCiting(loc);
        for (int i = 0; i < 2; i++) {
            follow("c" + i, good, 5, Outcome.SUCCESS);
            follow("d" + i, bad, 1, Outcome.FAILURE);
        }
        curation.curate("test");

        assertThat(status(iloc)).as("the winner stays, promoted by the helpful ratings of other agents").isEqualTo("ACTIVE");
        assertThat(status(loc)).isEqualTo("RETIRED");
        assertThat(GraphFixtures.count(graph, "MATCH (w:Lesson {contested: false})-[:SUPERSEDES]->(:Lesson {status: 'RETIRED'}) RETURN count(w)"))
                .isEqualTo(1);
        assertThat(decisions("SUPERSEDED")).isEqualTo(1);
        assertThat(f1.failurePattern()).startsWith("KeyError");
    }

    @Test
    void aHelpfulRatingFromAnotherAgentPromotesAndRepeatedFailuresRetire() {
        trace("a", "Count the distinct values of a column", "n = df['a'].nunique()", Outcome.PARTIAL, null,
                List.of("Series.nunique counts distinct values and skips NaN unless dropna=False."));
        curation.curate("test");
        String lesson = graph.query("MATCH (l:Lesson {kind: 'agent'}) RETURN l.id AS id", Map.of()).get(0).get("id").asString();
        assertThat(status(lesson)).isEqualTo("CANDIDATE");

        follow("a", recommendationCiting(lesson), 5, Outcome.PARTIAL);
        curation.curate("test");
        assertThat(status(lesson)).as("its own author's rating does not promote it").isEqualTo("CANDIDATE");

        follow("b", recommendationCiting(lesson), 4, Outcome.PARTIAL);
        curation.curate("test");
        assertThat(status(lesson)).isEqualTo("ACTIVE");

        for (int i = 0; i < 4; i++) {
            follow("f" + i, recommendationCiting(lesson), 1, Outcome.FAILURE);
        }
        curation.curate("test");
        Record l = graph.query("MATCH (l:Lesson {id: $id}) RETURN l.status AS status, l.trust AS trust", Map.of("id", lesson)).get(0);
        assertThat(l.get("status").asString()).isEqualTo("RETIRED");
        assertThat(l.get("trust").asDouble()).isEqualTo(3.0 / 12.0);
        assertThat(decisions("RETIRED")).isEqualTo(1);
    }

    @Test
    void quarantinedWorkedExamplesAreKeptWithTheirReasonAndNeverMerged() {
        trace("a", "List the files of a folder", "import os\nos.system('ls ' + folder)", Outcome.SUCCESS, null,
                List.of("Call model.eval() before inference; ast.literal_eval parses literals safely."));

        CurationReport report = curation.curate("test");

        assertThat(report.quarantined()).isEqualTo(1);
        Record example = graph.query("MATCH (l:Lesson {kind: 'example'}) RETURN l.status AS status, l.quarantineReason AS reason, l.embedding AS e",
                Map.of()).get(0);
        assertThat(example.get("status").asString()).isEqualTo("QUARANTINED");
        assertThat(example.get("reason").asString()).isEqualTo("dangerous call on untrusted input");
        assertThat(example.get("e").isNull()).as("quarantined lessons are not searchable").isTrue();
        assertThat(GraphFixtures.count(graph, "MATCH (l:Lesson {kind: 'agent', status: 'CANDIDATE'}) RETURN count(l)"))
                .as("look-alikes pass").isEqualTo(1);
    }

    @Test
    void aRunKilledMidWayLeavesWholeTracesAndTheNextRunCompletesThem() {
        List<TraceReceipt> traces = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            traces.add(trace("k" + i, "Pick rows of a DataFrame by integer positions, variant " + i, "result = df.iloc[rows]", Outcome.SUCCESS,
                    null, List.of("Select rows by integer position with df.iloc; df.loc looks rows up by label.")));
        }
        int[] seen = {0};
        assertThatThrownBy(() -> curation.run("test", t -> {
            if (++seen[0] == 3) {
                throw new IllegalStateException("killed in the third trace's transaction");
            }
        })).hasMessageContaining("killed");

        assertThat(uncurated()).isEqualTo(3);
        assertThat(GraphFixtures.count(graph, "MATCH (l:Lesson)-[:LEARNED_FROM]->(t:Trace:Uncurated) RETURN count(l)"))
                .as("nothing of the killed trace was written").isZero();
        assertNoHalfMerges();
        assertThat(graph.query("MATCH (r:CurationRun {status: 'FAILED'}) RETURN r.traces AS n", Map.of()).get(0).get("n").asInt()).isEqualTo(2);

        CurationReport next = curation.curate("test");
        assertThat(next.traces()).isEqualTo(3);
        assertThat(uncurated()).isZero();
        assertNoHalfMerges();
        assertThat(graph.query("MATCH (c:Lesson {kind: 'agent'}) WHERE c.status <> 'MERGED' RETURN c.support AS s", Map.of()))
                .singleElement().satisfies(r -> assertThat(r.get("s").asInt()).isEqualTo(5));
    }

    @Test
    void aTraceThatKeepsFailingIsSetAsideAfterItsAttemptsAndLaterRunsGoPastIt() {
        TraceReceipt bad = trace("bad", "Pick rows of a DataFrame by integer positions", "result = df.iloc[rows]", Outcome.SUCCESS, null,
                List.of("Select rows by integer position with df.iloc."));
        trace("good", "Sum each row of a DataFrame", "out = df.sum(axis=1)", Outcome.SUCCESS, null,
                List.of("Pass axis=1 to DataFrame.sum to add up each row."));
        TraceHook poisoned = t -> {
            if (t.traceId().equals(bad.traceId())) {
                throw new IllegalStateException("this trace always breaks its transaction");
            }
        };
        int attempts = CurationProperties.defaults().maxAttempts();
        for (int i = 1; i <= attempts; i++) {
            assertThatThrownBy(() -> curation.run("test", poisoned)).hasMessageContaining("always breaks");
        }

        CurationReport next = curation.run("test", poisoned);

        assertThat(next.traces()).isEqualTo(1);
        assertThat(uncurated()).isZero();
        assertThat(graph.query("MATCH (t:Trace:CurationFailed) RETURN t.id AS id, t.curationAttempts AS n, t.curationError AS e", Map.of()))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("id").asString()).isEqualTo(bad.traceId());
                    assertThat(r.get("n").asInt()).isEqualTo(attempts);
                    assertThat(r.get("e").asString()).contains("always breaks");
                });
        assertThat(GraphFixtures.count(graph, "MATCH (l:Lesson)-[:LEARNED_FROM]->(:Trace:CurationFailed) RETURN count(l)")).isZero();
    }

    @Test
    void tracesRecordedWhileARunIsGoingAreAllCuratedByTheNextRun() throws Exception {
        for (int i = 0; i < 3; i++) {
            trace("r" + i, "Sort a DataFrame by a column " + i, "out = df.sort_values('a')", Outcome.SUCCESS, null, List.of());
        }
        ExecutorService reporters = Executors.newFixedThreadPool(2);
        List<Future<TraceReceipt>> during = new ArrayList<>();
        curation.run("test", t -> {
            if (during.isEmpty()) {
                for (int i = 0; i < 4; i++) {
                    int n = i;
                    during.add(reporters.submit(() -> trace("late" + n, "Group a DataFrame by a column " + n,
                            "out = df.groupby('a').sum()", Outcome.SUCCESS, null, List.of("Group then aggregate."))));
                }
            }
        });
        for (Future<TraceReceipt> f : during) {
            f.get(1, TimeUnit.MINUTES);
        }
        reporters.shutdown();
        curation.curate("test");
        assertThat(uncurated()).isZero();
        assertThat(GraphFixtures.count(graph, "MATCH (t:Trace) RETURN count(t)")).isEqualTo(7);
    }

    @Test
    void twoConcurrentRunsDoNotBothProceed() throws Exception {
        trace("a", "Reverse the columns of a DataFrame", "out = df[df.columns[::-1]]", Outcome.SUCCESS, null, List.of());
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService first = Executors.newSingleThreadExecutor();
        Future<CurationReport> running = first.submit(() -> curation.run("test", t -> {
            inside.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(inside.await(1, TimeUnit.MINUTES)).isTrue();

        assertThatThrownBy(() -> curation.curate("test")).isInstanceOf(CurationAlreadyRunningException.class)
                .hasMessageContaining("already running");

        release.countDown();
        assertThat(running.get(1, TimeUnit.MINUTES).traces()).isEqualTo(1);
        first.shutdown();
        assertThat(curation.curate("test").traces()).as("the lease is released at the end").isZero();
    }

    @Test
    void exactlyOneOfManySimultaneousClaimsGetsTheLeaseAndAnExpiredLeaseIsTakenOver() throws Exception {
        String name = "test-lease-" + run;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String holder = "holder-" + i;
            claims.add(pool.submit(() -> {
                start.await();
                return repository.takeLease(name, holder, 60).taken();
            }));
        }
        start.countDown();
        int taken = 0;
        for (Future<Boolean> claim : claims) {
            taken += claim.get(1, TimeUnit.MINUTES) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(taken).isEqualTo(1);

        graph.execute("MATCH (l:CurationLease {name: $name}) SET l.holder = 'crashed', l.expiresAt = datetime() - duration('PT1M')",
                Map.of("name", name));
        assertThat(repository.takeLease(name, "successor", 60).taken()).isTrue();
        assertThat(repository.takeLease(name, "third", 60).taken()).isFalse();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private TraceReceipt trace(String agent, String task, String attempt, Outcome outcome, String error, List<String> lessons) {
        return recorder.record(new TraceInput("agent-" + agent + "-" + run, null, new TaskInput(task, SETUP, List.of("pandas")),
                attempt, outcome, error, null, lessons, null, "space-" + run));
    }

    private void follow(String agent, String recommendationId, int rating, Outcome outcome) {
        recorder.record(new TraceInput("agent-" + agent + "-" + run, null, new TaskInput("Follow-up task " + UUID.randomUUID(), null, List.of()),
                "pass", outcome, null, null, List.of(), new TraceInput.Followed(recommendationId, rating), "space-" + run));
    }

    /** A stored recommendation citing the lesson, as the retrieval agent stores them. */
    private String recommendationCiting(String lessonId) {
        String id = "rec-" + UUID.randomUUID();
        graph.execute("MATCH (l:Lesson {id: $lesson}) CREATE (r:Recommendation {id: $id, text: 'advice', createdAt: datetime()})-[:CITES {rank: 1, score: 1.0}]->(l)",
                Map.of("lesson", lessonId, "id", id));
        return id;
    }

    private String status(String lessonId) {
        return graph.query("MATCH (l:Lesson {id: $id}) RETURN l.status AS s", Map.of("id", lessonId)).get(0).get("s").asString();
    }

    private long decisions(String action) {
        return graph.query("MATCH (:CurationRun)-[d:DECIDED {action: $action}]->(:Lesson) RETURN count(d) AS n", Map.of("action", action))
                .get(0).get("n").asLong();
    }

    private long uncurated() {
        return GraphFixtures.count(graph, "MATCH (t:Trace:Uncurated) RETURN count(t)");
    }

    /** Every duplicate points at a canonical lesson whose support counts it, and every duplicate decision was recorded. */
    private void assertNoHalfMerges() {
        assertThat(GraphFixtures.count(graph, "MATCH (d:Lesson {status: 'MERGED'}) WHERE NOT (d)-[:MERGED_INTO]->() RETURN count(d)")).isZero();
        assertThat(GraphFixtures.count(graph, """
                MATCH (c:Lesson) WHERE c.status <> 'MERGED'
                OPTIONAL MATCH (c)<-[:MERGED_INTO]-(d:Lesson)
                WITH c, count(d) AS duplicates
                WHERE c.support <> duplicates + 1
                RETURN count(c)""")).isZero();
        assertThat(GraphFixtures.count(graph, """
                MATCH (d:Lesson {status: 'MERGED'}) WHERE NOT (:CurationRun)-[:DECIDED {action: 'MERGED'}]->(d) RETURN count(d)""")).isZero();
    }
}
