package dev.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkApplication;
import dev.spark.SparkIntegrationTest;
import dev.spark.curation.CurationReport;
import dev.spark.curation.CurationService;
import dev.spark.experience.EmbeddingBackfill;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceReceipt;
import dev.spark.experience.TraceRecorder;
import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import dev.spark.graph.internal.EmbeddedNeo4j;
import dev.spark.graph.internal.Neo4jProperties;
import dev.spark.knowledge.DocumentIngestor;
import dev.spark.knowledge.IngestOptions;
import dev.spark.knowledge.IngestProgress;
import dev.spark.recommend.Recipe;
import dev.spark.recommend.RecommendQuery;
import dev.spark.recommend.Recommendation;
import dev.spark.recommend.RetrievalAgent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * {@code spark export} of a memory with documentation, traces, curated lessons (a merge, a fix with its failure)
 * and a rated recommendation, then {@code spark import} into a second, empty embedded database: every node with
 * its labels and properties (embeddings and times included) and every relationship with its properties is the same.
 */
@SparkIntegrationTest
class ExportImportTest {

    static final String SETUP = "import pandas as pd\ndf = pd.DataFrame({'a': [1, 2, 3], 'b': [4, 5, 6]})\nrows = [2, 0]\n";
    static final String KEY_ERROR = "Traceback (most recent call last):\n  File \"s.py\", line 4, in <module>\n    result = df.loc[rows]\n"
            + "KeyError: '[2, 0] not in index'";

    /** A second database, empty, started once for this class (closing one takes seconds). */
    static EmbeddedNeo4j target;
    /** Removed by JUnit after the class, once {@link #stopTarget()} has closed the database. */
    @TempDir
    static Path targetHome;

    @Autowired
    Graph graph;
    @Autowired
    WriteBehind writeBehind;
    @Autowired
    Environment environment;
    @Autowired(required = false)
    EmbeddedNeo4j embedded;
    @Autowired
    DocumentIngestor ingestor;
    @Autowired
    TraceRecorder recorder;
    @Autowired
    EmbeddingBackfill backfill;
    @Autowired
    CurationService curation;
    @Autowired
    RetrievalAgent agent;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startTarget() {
        target = EmbeddedNeo4j.start(new Neo4jProperties(null, "neo4j", null, targetHome, "127.0.0.1", 0, false, 0,
                DataSize.ofMegabytes(64)));
    }

    @AfterAll
    static void stopTarget() {
        if (target != null) {
            target.close();
        }
    }

    @BeforeEach
    void sourceMemory() {
        GraphFixtures.clear(graph);
        TestDatabaseForCommands.pointCommandsAt(environment, embedded);
    }

    @AfterEach
    void reset() {
        TestDatabaseForCommands.reset();
    }

    @Test
    void anExportImportedIntoAnEmptyDatabaseReproducesEveryNodeRelationshipAndProperty() throws IOException {
        buildMemory();
        Path file = tmp.resolve("memory.jsonl");
        assertThat(run("export", file.toString())).isZero();

        try (Driver driver = GraphDatabase.driver(target.boltUri(), AuthTokens.none())) {
            Function<String, List<Record>> targetQuery = cypher -> driver.session().executeRead(tx -> tx.run(cypher).list());
            driver.session().executeWrite(tx -> tx.run("MATCH (n) WHERE NOT n:__SparkMigration DETACH DELETE n").consume());
            System.setProperty("spark.neo4j.uri", target.boltUri().toString());

            assertThat(run("import", file.toString())).isZero();

            Snapshot source = Snapshot.of(cypher -> graph.query(cypher, Map.of()));
            Snapshot imported = Snapshot.of(targetQuery);
            assertThat(source.nodes()).as("the source memory is not trivial").hasSizeGreaterThan(40);
            assertThat(imported.counts()).isEqualTo(source.counts());
            assertThat(imported.nodes()).containsExactlyInAnyOrderElementsOf(source.nodes());
            assertThat(imported.relationships()).containsExactlyInAnyOrderElementsOf(source.relationships());
            assertThat(targetQuery.apply("MATCH (n:__SparkImport) RETURN n")).as("no import marks remain").isEmpty();

            assertThat(run("import", file.toString())).as("a second import meets a database that holds memory")
                    .isEqualTo(ExitCodes.NOT_EMPTY);
            assertThat(Snapshot.of(targetQuery).counts()).isEqualTo(source.counts());
        }
    }

    private void buildMemory() {
        ingestor.ingest(GraphFixtures.DOCS.resolve("jsonl"), IngestOptions.defaults(), IngestProgress.NONE);
        trace("a", "Pick rows of a DataFrame by integer positions", "result = df.iloc[rows]", Outcome.SUCCESS, null,
                List.of("Select rows by integer position with df.iloc; df.loc looks rows up by label."), null);
        trace("b", "Get rows of a DataFrame at a list of positions", "out = df.iloc[rows]", Outcome.SUCCESS, null,
                List.of("Select rows by integer position with df.iloc, since df.loc looks rows up by label."), null);
        String task = "Select the rows of a DataFrame at a list of integer positions";
        trace("c", task, "result = df.loc[rows]", Outcome.FAILURE, KEY_ERROR, List.of(), null);
        trace("c", task, "result = df.iloc[rows]", Outcome.SUCCESS, null, List.of(), null);
        backfill.drain();
        CurationReport report = curation.curate("test");
        assertThat(report.merged()).as("the memory holds a merge").isGreaterThanOrEqualTo(1);

        Recommendation advice = agent.recommend(new RecommendQuery(new TaskInput("Rows of a DataFrame at integer positions", SETUP,
                List.of("pandas")), "agent-a", 5, Recipe.FULL));
        writeBehind.flush();
        trace("d", "Take rows 2 and 0 of a frame", "df.iloc[[2, 0]]", Outcome.SUCCESS, null, List.of(),
                new TraceInput.Followed(advice.id(), 5));
        // one trace stays Uncurated, so the extra label travels too
        trace("e", "Count the rows of a DataFrame", "len(df)", Outcome.SUCCESS, null, List.of(), null);
        backfill.drain();
        curation.curate("test");
        trace("f", "Drop the duplicate rows of a DataFrame", "df.drop_duplicates()", Outcome.SUCCESS, null, List.of(), null);
        writeBehind.flush();

        assertThat(GraphFixtures.count(graph, "MATCH (:Lesson)-[m:MERGED_INTO]->(:Lesson) RETURN count(m)")).isPositive();
        assertThat(GraphFixtures.count(graph, "MATCH (:Lesson)-[l:LEARNED_FROM {role: 'failure'}]->(:Trace) RETURN count(l)")).isPositive();
        assertThat(GraphFixtures.count(graph, "MATCH (:CurationRun)-[d:DECIDED]->(:Lesson) RETURN count(d)")).isPositive();
        assertThat(GraphFixtures.count(graph, "MATCH (:Recommendation)-[c:CITES]->() RETURN count(c)")).isPositive();
        assertThat(GraphFixtures.count(graph, "MATCH (:Trace)-[f:FOLLOWED]->(:Recommendation) RETURN count(f)")).isPositive();
        assertThat(GraphFixtures.count(graph, "MATCH (t:Trace:Uncurated) RETURN count(t)")).isPositive();
        assertThat(GraphFixtures.count(graph, "MATCH (l:Lesson) WHERE l.embedding IS NOT NULL RETURN count(l)")).isPositive();
    }

    private TraceReceipt trace(String agentId, String task, String attempt, Outcome outcome, String error, List<String> lessons,
                               TraceInput.Followed followed) {
        return recorder.record(new TraceInput("agent-" + agentId, "model-x", new TaskInput(task, SETUP, List.of("pandas")), attempt,
                outcome, error, null, lessons, followed, "space-export"));
    }

    static int run(String... args) {
        return SparkCommandLine.run(SparkApplication.class, args);
    }

    /**
     * Every node (labels and properties) and relationship (type, ends by label and key, properties) of a database but
     * its schema bookkeeping and the curation lease, which is not memory.
     */
    record Snapshot(List<Map<String, Object>> nodes, List<Map<String, Object>> relationships, Map<String, Long> counts) {

        static final String KEY = "coalesce(%1$s.id, %1$s.qualifiedName, %1$s.signature, %1$s.name)";

        static Snapshot of(Function<String, List<Record>> query) {
            List<Map<String, Object>> nodes = new ArrayList<>();
            Map<String, Long> counts = new TreeMap<>();
            for (Record r : query.apply("""
                    MATCH (n) WHERE NOT n:__SparkMigration AND NOT n:CurationLease
                    RETURN labels(n) AS labels, properties(n) AS props""")) {
                List<String> labels = r.get("labels").asList(v -> v.asString()).stream().sorted().toList();
                nodes.add(Map.of("labels", labels, "props", new TreeMap<>(r.get("props").asMap())));
                labels.forEach(l -> counts.merge(l, 1L, Long::sum));
            }
            List<Map<String, Object>> relationships = new ArrayList<>();
            for (Record r : query.apply("MATCH (a)-[r]->(b) WHERE NOT a:CurationLease AND NOT b:CurationLease "
                    + "RETURN type(r) AS type, labels(a) AS fromLabels, " + KEY.formatted("a") + " AS fromKey, labels(b) AS toLabels, "
                    + KEY.formatted("b") + " AS toKey, properties(r) AS props")) {
                relationships.add(Map.of("type", r.get("type").asString(), "from", sorted(r.get("fromLabels").asList(v -> v.asString())) + " " + r.get("fromKey").asString(),
                        "to", sorted(r.get("toLabels").asList(v -> v.asString())) + " " + r.get("toKey").asString(), "props", new TreeMap<>(r.get("props").asMap())));
                counts.merge("-" + r.get("type").asString() + "->", 1L, Long::sum);
            }
            return new Snapshot(nodes, relationships, counts);
        }

        private static List<String> sorted(List<String> labels) {
            return labels.stream().sorted().toList();
        }
    }
}
