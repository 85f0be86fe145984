package dev.spark.knowledge;

import static dev.spark.GraphFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.StoredCounts;
import dev.spark.ai.TextEmbedder;
import dev.spark.graph.Graph;
import dev.spark.knowledge.internal.KnowledgeRepository;
import dev.spark.graph.WriteBehind;
import dev.spark.validation.InvalidInputException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@SparkIntegrationTest
class DocumentIngestionTest {

    @Autowired
    DocumentIngestor ingestor;

    @Autowired
    Graph graph;

    @Autowired
    TextEmbedder embedder;

    @Autowired
    KnowledgeRepository repository;

    @Autowired
    WriteBehind writes;

    @Autowired
    MeterRegistry meters;

    @TempDir
    Path tmp;

    @BeforeEach
    void emptyKnowledgeBase() {
        GraphFixtures.clear(graph);
    }

    @Test
    void loadsJsonlBlobsAsLibrariesApisAndEmbeddedDocs() {
        IngestReport report = ingestor.ingest(GraphFixtures.DOCS.resolve("jsonl"), IngestOptions.defaults(), IngestProgress.NONE);

        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(13);
        assertThat(report.embedded()).isEqualTo(13);
        assertThat(count(graph, "MATCH (l:Library) RETURN count(l)")).isEqualTo(2);
        assertThat(count(graph, "MATCH (d:Doc) WHERE size(d.embedding) = 384 RETURN count(d)")).isEqualTo(13);
        // Two chunks of numpy.sort document one API; the prose page "Installation" documents none.
        assertThat(count(graph, "MATCH (:Doc)-[:DOCUMENTS]->(a:Api {qualifiedName: 'numpy.sort'}) RETURN count(*)")).isEqualTo(2);
        assertThat(count(graph, "MATCH (d:Doc {docId: 'numpy.install'})-[:DOCUMENTS]->() RETURN count(d)")).isZero();
        assertThat(count(graph, "MATCH (:Api {qualifiedName: 'pandas.DataFrame.groupby'})-[:IN_LIBRARY]->(:Library {name: 'pandas', version: '1.4.0'}) RETURN count(*)")).isEqualTo(1);
        assertThat(graph.query("MATCH (a:Api {qualifiedName: 'pandas.DataFrame.groupby'}) RETURN a.aliases AS aliases, a.kind AS kind", Map.of())
                .get(0).get("kind").asString()).isEqualTo("method");
    }

    @Test
    void eachBatchTimesItsStagesAndAnUnchangedBatchIsNeitherEmbeddedNorWritten() {
        IngestOptions fivePerBatch = new IngestOptions(null, null, 5, 2_000);
        Map<String, Long> before = stageCounts();
        IngestReport report = ingestor.ingest(GraphFixtures.DOCS.resolve("jsonl"), fivePerBatch, IngestProgress.NONE);
        Map<String, Long> first = stageCounts();

        long batches = (report.read() + 4) / 5;
        assertThat(report.read()).isEqualTo(13);
        assertThat(first.get("hashes") - before.get("hashes")).as("stored hashes read once per batch").isEqualTo(batches);
        assertThat(first.get("embed") - before.get("embed")).isEqualTo(batches);
        assertThat(first.get("wait") - before.get("wait")).isEqualTo(batches);
        assertThat(first.get("write") - before.get("write")).as("one write per batch with new records").isEqualTo(batches);

        ingestor.ingest(GraphFixtures.DOCS.resolve("jsonl"), fivePerBatch, IngestProgress.NONE);
        Map<String, Long> again = stageCounts();
        assertThat(again.get("hashes") - first.get("hashes")).isEqualTo(batches);
        assertThat(again.get("write") - first.get("write")).as("nothing changed, nothing written").isZero();
    }

    private Map<String, Long> stageCounts() {
        Map<String, Long> counts = new HashMap<>(Map.of("hashes", 0L, "embed", 0L, "wait", 0L, "write", 0L));
        meters.find(DocumentIngestor.STAGE_TIMER).timers().forEach(t -> counts.put(t.getId().getTag("stage"), t.count()));
        return counts;
    }

    @Test
    void reIngestingAnUnchangedCorpusWritesAndEmbedsNothing() {
        ingestor.ingest(GraphFixtures.DOCS, IngestOptions.defaults(), IngestProgress.NONE);
        var before = graph.query("MATCH (d:Doc) RETURN d.id AS id, d.updatedAt AS at ORDER BY id", Map.of());

        IngestReport again = ingestor.ingest(GraphFixtures.DOCS, IngestOptions.defaults(), IngestProgress.NONE);

        assertThat(again.embedded()).isZero();
        assertThat(again.created() + again.updated() + again.removed()).isZero();
        assertThat(again.unchanged()).isEqualTo(again.read());
        assertThat(graph.query("MATCH (d:Doc) RETURN d.id AS id, d.updatedAt AS at ORDER BY id", Map.of())).isEqualTo(before);
    }

    @Test
    void aChangedRecordReplacesItsChunkAndMovesItsApiEdge() throws IOException {
        Path file = tmp.resolve("lib.jsonl");
        Files.writeString(file, line("lib:page:0", "lib.old_name", "first text") + line("lib:page:1", "lib.other", "second text"));
        ingestor.ingest(file, IngestOptions.defaults(), IngestProgress.NONE);

        Files.writeString(file, line("lib:page:0", "lib.new_name", "changed text") + line("lib:page:1", "lib.other", "second text"));
        IngestReport report = ingestor.ingest(file, IngestOptions.defaults(), IngestProgress.NONE);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.embedded()).isEqualTo(1);
        assertThat(graph.query("MATCH (d:Doc {id: 'lib:page:0'})-[:DOCUMENTS]->(a:Api) RETURN d.text AS text, collect(a.qualifiedName) AS apis", Map.of()).get(0).asMap())
                .containsEntry("text", "changed text")
                .containsEntry("apis", List.of("lib.new_name"));
    }

    @Test
    void aPageImportedAgainWithFewerChunksLosesTheStaleOnes() throws IOException {
        Path file = tmp.resolve("lib.jsonl");
        Files.writeString(file, line("lib:page:0", "lib.a", "one") + line("lib:page:1", "lib.b", "two"));
        ingestor.ingest(file, IngestOptions.defaults(), IngestProgress.NONE);

        Files.writeString(file, line("lib:page:0", "lib.a", "one"));
        IngestReport report = ingestor.ingest(file, IngestOptions.defaults(), IngestProgress.NONE);

        assertThat(report.removed()).isEqualTo(1);
        assertThat(count(graph, "MATCH (d:Doc {docId: 'page'}) RETURN count(d)")).isEqualTo(1);
    }

    @Test
    void splitsMarkdownRstAndTextPagesIntoChunksWithApis() {
        IngestReport report = ingestor.ingest(GraphFixtures.DOCS.resolve("guide"),
                new IngestOptions("mylib", "2.0", 64, 2_000), IngestProgress.NONE);

        assertThat(report.problems()).isEmpty();
        var chunks = graph.query("MATCH (d:Doc) OPTIONAL MATCH (d)-[:DOCUMENTS]->(a:Api) "
                + "RETURN d.docId AS page, d.title AS title, a.qualifiedName AS api ORDER BY d.id", Map.of());
        assertThat(chunks).extracting(r -> r.get("page").asString()).contains("mylib.merging", "mylib.reshaping", "mylib.notes");
        assertThat(chunks).extracting(r -> r.get("api").asString(null))
                .contains("mylib.join", "mylib.pivot", "mylib.melt", "mylib.sort_by", "mylib.write_table");
        // the fenced '# a heading-like line' stays inside the mylib.join section
        assertThat(chunks).extracting(r -> r.get("title").asString()).contains("Merging tables > mylib.join", "Reshaping > Melting")
                .noneMatch(t -> t.contains("heading-like"));
    }

    @Test
    void textPagesAreCutAtTheSizeCap() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("big"));
        String paragraph = "word ".repeat(120).strip();
        Files.writeString(dir.resolve("long.md"), "# Long page\n\n" + String.join("\n\n", java.util.Collections.nCopies(20, paragraph)));

        ingestor.ingest(dir, new IngestOptions("big", null, 64, 1_000), IngestProgress.NONE);

        assertThat(count(graph, "MATCH (d:Doc {docId: 'big.long'}) RETURN count(d)")).isGreaterThan(10);
        assertThat(count(graph, "MATCH (d:Doc {docId: 'big.long'}) WHERE size(d.text) > 1000 + size('Long page') + 2 RETURN count(d)")).isZero();
    }

    @Test
    void badRecordsAreListedByFileAndLineWhileGoodOnesLand() throws IOException {
        Path file = tmp.resolve("mixed.jsonl");
        byte[] notUtf8 = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        try (var out = Files.newOutputStream(file)) {
            out.write(line("m:p:0", "m.good", "good one").getBytes(StandardCharsets.UTF_8));
            out.write("{this is not json\n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"id\": \"m:p:2\", \"library\": \"m\", \"doc_id\": \"p\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(notUtf8);
            out.write(line("m:p:4", "m.long", "x".repeat(DocRecord.MAX_TEXT + 1)).getBytes(StandardCharsets.UTF_8));
            out.write(line("m:p:5", "m.good2", "good two").getBytes(StandardCharsets.UTF_8));
        }

        IngestReport report = ingestor.ingest(file, IngestOptions.defaults(), IngestProgress.NONE);

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.problems()).extracting(IngestProblem::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(report.problems()).allMatch(p -> p.file().endsWith("mixed.jsonl"));
        assertThat(report.problems().get(0).message()).contains("malformed JSON");
        assertThat(report.problems().get(1).message()).isEqualTo("text: is missing");
        assertThat(report.problems().get(2).message()).contains("not valid UTF-8");
        assertThat(report.problems().get(3).message()).startsWith("text: is 16001 characters long");
        assertThat(report.failed()).isTrue();
        assertThat(count(graph, "MATCH (d:Doc) RETURN count(d)")).isEqualTo(2);
    }

    @Test
    void readsGzippedBlobs() throws IOException {
        Path file = tmp.resolve("lib.jsonl.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(line("gz:p:0", "gz.f", "zipped").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(ingestor.ingest(file, IngestOptions.defaults(), IngestProgress.NONE).created()).isEqualTo(1);
    }

    @Test
    void aFailureMidIngestLeavesCompleteBatchesOnly() throws IOException {
        Path file = tmp.resolve("crash.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            lines.append(line("c:p" + i + ":0", "c.f" + i, "text " + i));
        }
        Files.writeString(file, lines);
        TextEmbedder failing = new TextEmbedder(dev.spark.ai.EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, 2_000) {
            int batches;

            @Override
            public List<float[]> embedDocuments(List<String> texts) {
                if (++batches == 2) {
                    throw new IllegalStateException("process killed");
                }
                return embedder.embedDocuments(texts);
            }
        };
        DocumentIngestor crashing = new DocumentIngestor(repository, failing);

        assertThatThrownBy(() -> crashing.ingest(file, new IngestOptions(null, null, 2, 2_000), IngestProgress.NONE))
                .hasMessageContaining("process killed");

        assertThat(count(graph, "MATCH (d:Doc) RETURN count(d)")).isEqualTo(2);
        assertThat(count(graph, "MATCH (d:Doc)-[:DOCUMENTS]->(:Api)-[:IN_LIBRARY]->(:Library) WHERE d.embedding IS NOT NULL RETURN count(d)")).isEqualTo(2);
        // the next run completes the corpus without redoing the committed batch
        IngestReport resumed = ingestor.ingest(file, new IngestOptions(null, null, 2, 2_000), IngestProgress.NONE);
        assertThat(resumed.unchanged()).isEqualTo(2);
        assertThat(resumed.created()).isEqualTo(4);
    }

    @Test
    void aFailedWriteOfTheLastBatchIsReportedAndStoresNothingOfIt() throws IOException {
        Path file = tmp.resolve("last.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            lines.append(line("c:p" + i + ":0", "c.f" + i, i == 4 ? POISON + " text 4" : "text " + i));
        }
        Files.writeString(file, lines);
        DocumentIngestor poisoned = new DocumentIngestor(repository, poisoningEmbedder());

        // batches of two: the third and last batch holds only the poisoned record
        IngestReport report = poisoned.ingest(file, new IngestOptions(null, null, 2, 2_000), IngestProgress.NONE);

        assertThat(report.failed()).isTrue();
        assertThat(report.created()).isEqualTo(4);
        assertThat(report.problems()).singleElement().extracting(IngestProblem::message).asString()
                .contains("not stored", "c:p4:0");
        assertThat(count(graph, "MATCH (d:Doc) RETURN count(d)")).isEqualTo(4);
        assertThat(count(graph, "MATCH (n) WHERE n.id = 'c:p4:0' OR n.qualifiedName = 'c.f4' RETURN count(n)")).isZero();
    }

    @Test
    void aFailedWriteOfASmallUploadIsReportedAndStoresNothing() {
        DocumentIngestor poisoned = new DocumentIngestor(repository, poisoningEmbedder());
        DocRecord good = new DocRecord("u:p:0", "u", "u.f", "u.f", "fine", null, null, "p", List.of());
        DocRecord bad = new DocRecord("u:p:1", "u", "u.g", "u.g", POISON, null, null, "p", List.of());

        IngestReport report = poisoned.ingest(List.of(good, bad));

        assertThat(report.failed()).isTrue();
        assertThat(report.created()).isZero();
        assertThat(report.problems()).singleElement().extracting(IngestProblem::message).asString()
                .contains("not stored", "u:p:0", "u:p:1");
        assertThat(count(graph, "MATCH (n) WHERE n:Doc OR n:Library OR n:Api RETURN count(n)")).isZero();
    }

    @Test
    void aWriteFailingMidBatchLeavesCompleteBatchesOnlyAndAResumedRunCompletes() throws IOException {
        Path file = tmp.resolve("mid.jsonl");
        // batch 1: library c; batch 2: library d, whose last row the database refuses after the rows before it
        // were written in the same transaction
        Files.writeString(file, line("c:p0:0", "c.f0", "text 0") + line("c:p1:0", "c.f1", "text 1")
                + line("c:p2:0", "c.f2", "text 2") + line("d:p3:0", "d.f3", "text 3")
                + line("d:p4:0", "d.f4", "text 4") + line("d:p5:0", "d.f5", POISON + " text 5"));
        DocumentIngestor poisoned = new DocumentIngestor(repository, poisoningEmbedder());

        IngestReport report = poisoned.ingest(file, new IngestOptions(null, null, 3, 2_000), IngestProgress.NONE);

        assertThat(report.failed()).isTrue();
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.problems()).singleElement().extracting(IngestProblem::message).asString()
                .contains("d:p3:0", "d:p5:0");
        assertThat(graph.query("MATCH (d:Doc) RETURN d.id AS id ORDER BY id", Map.of()))
                .extracting(r -> r.get("id").asString()).containsExactly("c:p0:0", "c:p1:0", "c:p2:0");
        assertThat(count(graph, "MATCH (d:Doc)-[:DOCUMENTS]->(:Api)-[:IN_LIBRARY]->(:Library {name: 'c'}) RETURN count(d)")).isEqualTo(3);
        assertThat(count(graph, "MATCH (n) WHERE n:Library AND n.name = 'd' OR n:Api AND n.library = 'd' RETURN count(n)")).isZero();

        IngestReport resumed = ingestor.ingest(file, new IngestOptions(null, null, 3, 2_000), IngestProgress.NONE);

        assertThat(resumed.failed()).isFalse();
        assertThat(resumed.unchanged()).isEqualTo(3);
        assertThat(resumed.created()).isEqualTo(3);
        assertThat(count(graph, "MATCH (d:Doc)-[:DOCUMENTS]->(:Api)-[:IN_LIBRARY]->(:Library) WHERE d.embedding IS NOT NULL RETURN count(d)")).isEqualTo(6);
    }

    @Test
    void aChunkSizeCapTooSmallToMakeProgressIsRejectedNamingTheField() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cap"));
        Files.writeString(dir.resolve("page.md"), "# Page\n\nSome text that has to be split.");

        for (int cap : new int[] {0, -1, IngestOptions.MIN_CHUNK_CHARS - 1, DocRecord.MAX_TEXT + 1}) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                    () -> ingestor.ingest(dir, new IngestOptions("cap", null, 64, cap), IngestProgress.NONE))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("maxChunkChars"));
        }
        assertThatThrownBy(() -> ingestor.ingest(dir, new IngestOptions("cap", null, 0, 2_000), IngestProgress.NONE))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("batchSize");
        assertThat(count(graph, "MATCH (d:Doc) RETURN count(d)")).isZero();
    }

    @Test
    void aSmallUploadIsAllOrNothing() {
        DocRecord good = new DocRecord("u:p:0", "u", "u.f", "u.f", "fine", null, null, "p", List.of());
        DocRecord bad = new DocRecord("u:p:1", "u", "u.g", "u.g", " ", null, null, "p", List.of());
        DocRecord other = new DocRecord("o:p:0", "o", "o.f", "o.f", "already here", null, null, "p", List.of());
        ingestor.ingest(List.of(other));

        Throwable rejected = StoredCounts.unchangedBy(graph, writes, () -> catchThrowable(() -> ingestor.ingest(List.of(good, bad))));
        assertThat(rejected).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("documents[1].text");

        assertThat(ingestor.ingest(List.of(good)).created()).isEqualTo(1);
        assertThat(ingestor.ingest(List.of(good)).unchanged()).isEqualTo(1);
    }

    @Test
    void aMissingPathIsAnInputError() {
        assertThatThrownBy(() -> ingestor.ingest(tmp.resolve("nope"), IngestOptions.defaults(), IngestProgress.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("path");
    }

    /** A text the poisoning embedder gives a vector that the database refuses to store. */
    static final String POISON = "POISON";

    /**
     * Embeds like the real model, except that texts containing {@link #POISON} get a NaN vector:
     * {@code db.create.setNodeVectorProperty} rejects it, so the write of that row fails inside the database.
     */
    private TextEmbedder poisoningEmbedder() {
        return new TextEmbedder(dev.spark.ai.EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, 2_000) {
            @Override
            public List<float[]> embedDocuments(List<String> texts) {
                List<float[]> vectors = new ArrayList<>(embedder.embedDocuments(texts));
                for (int i = 0; i < texts.size(); i++) {
                    if (texts.get(i).contains(POISON)) {
                        float[] vector = vectors.get(i).clone();
                        vector[0] = Float.NaN;
                        vectors.set(i, vector);
                    }
                }
                return vectors;
            }
        };
    }

    static String line(String id, String api, String text) {
        String page = id.split(":")[1];
        String library = id.split(":")[0];
        return "{\"id\": \"" + id + "\", \"library\": \"" + library + "\", \"api\": \"" + api + "\", \"title\": \"" + api
                + "\", \"text\": \"" + text + "\", \"source\": \"https://docs.example.org/" + page + "\", \"version\": \"1.0\", \"doc_id\": \"" + page + "\"}\n";
    }
}
