package dev.spark.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Import files line by line: a bad line names itself and its field, and leaves nothing of the import behind. */
@SparkIntegrationTest
class MemoryImportTest {

    static final String HEADER = "{\"kind\":\"header\",\"format\":\"spark-memory\",\"version\":1,\"schema\":1,\"exportedAt\":\"2026-01-01T00:00Z\"}";

    @Autowired
    MemoryImport memoryImport;

    @Autowired
    MemoryExport memoryExport;

    @Autowired
    Graph graph;

    @BeforeEach
    void empty() {
        GraphFixtures.clear(graph);
    }

    @Test
    void aBadLineAfterWrittenBatchesStopsTheImportAndRemovesEverythingItWrote() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < MemoryImport.BATCH + 20; i++) {
            lines.add(library("lib" + i));
        }
        lines.add(api("lib0.f", "lib0"));
        lines.add(inLibrary("lib0.f", "lib0"));
        lines.add("{\"kind\":\"relationship\",\"type\":\"OWNS\",\"from\":{\"label\":\"Api\",\"key\":\"lib0.f\"},\"to\":{\"label\":\"Library\",\"key\":\"lib0\"}}");
        lines.add(end(MemoryImport.BATCH + 21, 2));
        int badLine = lines.size() - 1;

        assertThatThrownBy(() -> load(lines))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(badLine);
                    assertThat(e.field()).isEqualTo("type");
                })
                .hasMessageContaining("OWNS is not a relationship type");
        assertThat(GraphFixtures.count(graph, "MATCH (n) WHERE NOT n:__SparkMigration RETURN count(n)")).isZero();
    }

    @Test
    void eachKindOfBadLineIsNamedByLineAndField() {
        assertRejected(List.of(HEADER, "{\"kind\":\"node\",\"label\":\"Robot\",\"key\":\"r\",\"props\":{}}"), 2, "label", "Robot is not a label");
        assertRejected(List.of(HEADER, "{\"kind\":\"node\",\"label\":\"Library\",\"key\":\"x\",\"props\":{\"n\":null}}"), 2, "props.n", "null");
        assertRejected(List.of(HEADER, "{\"kind\":\"node\",\"label\":\"Library\",\"key\":\"x\",\"props\":{\"v\":[1,\"a\"]}}"), 2, "props.v", "one type");
        assertRejected(List.of(HEADER, "{\"kind\":\"node\",\"label\":\"Library\",\"key\":\"x\",\"props\":{\"t\":{\"$datetime\":\"noon\"}}}"), 2,
                "props.t.$datetime", "ISO-8601");
        assertRejected(List.of(HEADER, "{\"kind\":\"node\",\"label\":\"Library\",\"extraLabels\":[\"Uncurated\"],\"key\":\"x\"}"), 2,
                "extraLabels", "not a label a Library can carry");
        assertRejected(List.of(HEADER, "{\"kind\":\"node\",\"label\":\"Lesson\",\"key\":\"l\",\"props\":{\"embedding\":{\"$vector\":\"AAAAAA==\"}}}"),
                2, "props.embedding", "dimensions");
        assertRejected(List.of(HEADER, library("a"), library("a")), 3, "key", "a second Library");
        assertRejected(List.of(HEADER, library("a"), inLibrary("missing.f", "a")), 3, "from.key", "no Api with key missing.f");
        assertRejected(List.of(HEADER, library("a"), "not json"), 3, "", "not JSON");
        assertRejected(List.of(library("a")), 1, "kind", "first line must be the header");
        assertRejected(List.of(HEADER.replace("\"schema\":1", "\"schema\":99")), 1, "schema", "newer");
        assertRejected(List.of(HEADER, library("a")), 2, "", "cut short");
        assertRejected(List.of(HEADER, library("a"), end(2, 0)), 3, "nodes", "says 2 nodes, the file has 1");
        assertThat(GraphFixtures.count(graph, "MATCH (n) WHERE NOT n:__SparkMigration RETURN count(n)")).isZero();
    }

    @Test
    void aDatabaseThatHoldsMemoryIsRefusedUnlessMerging() {
        graph.execute("CREATE (:Library {name: 'kept', version: '1'})", Map.of());
        List<String> lines = List.of(HEADER, library("kept"), library("added"), api("added.f", "added"), api("kept.g", "kept"),
                inLibrary("added.f", "added"), inLibrary("kept.g", "kept"), end(4, 2));

        assertThatThrownBy(() -> load(lines)).isInstanceOf(ImportRefusedException.class).hasMessageContaining("already holds memory");
        assertThat(GraphFixtures.count(graph, "MATCH (n:Library) RETURN count(n)")).isEqualTo(1);

        ImportReport report = memoryImport.importFrom(stream(lines), new MemoryImport.Options(true));

        assertThat(report.created()).isEqualTo(3);
        assertThat(graph.query("MATCH (l:Library {name: 'kept'}) RETURN l.version AS v", Map.of()).get(0).get("v").asString())
                .as("an existing node is kept as it is").isEqualTo("1");
        assertThat(GraphFixtures.count(graph, "MATCH (:Api)-[r:IN_LIBRARY]->(:Library) RETURN count(r)")).isEqualTo(2);
    }

    @Test
    void aCurationLeaseAndTheLeftoversOfAKilledImportDoNotCountAsMemory() {
        graph.execute("CREATE (:CurationLease {name: 'curation', holder: 'gone'}), (:Library:__SparkImport {name: 'half'})", Map.of());

        ImportReport report = load(List.of(HEADER, library("half"), end(1, 0)));

        assertThat(report.created()).isEqualTo(1);
        assertThat(GraphFixtures.count(graph, "MATCH (n:Library {name: 'half'}) WHERE NOT n:__SparkImport RETURN count(n)")).isEqualTo(1);
        graph.execute("MATCH (l:CurationLease {holder: 'gone'}) DELETE l", Map.of());
    }

    @Test
    void anExportOfAnEmptyMemoryImportsAsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportReport exported = memoryExport.export(out);
        assertThat(exported.nodeCount()).isZero();

        ImportReport imported = memoryImport.importFrom(new ByteArrayInputStream(out.toByteArray()), new MemoryImport.Options(false));

        assertThat(imported.nodeCount()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    }

    private void assertRejected(List<String> lines, long line, String field, String message) {
        assertThatThrownBy(() -> load(lines)).as(String.join("\n", lines))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                })
                .hasMessageContaining(message);
    }

    private ImportReport load(List<String> lines) {
        return memoryImport.importFrom(stream(lines), new MemoryImport.Options(false));
    }

    private static ByteArrayInputStream stream(List<String> lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String library(String name) {
        return "{\"kind\":\"node\",\"label\":\"Library\",\"key\":\"" + name + "\",\"props\":{\"name\":\"" + name + "\",\"version\":\"2\"}}";
    }

    private static String api(String name, String library) {
        return "{\"kind\":\"node\",\"label\":\"Api\",\"key\":\"" + name + "\",\"props\":{\"library\":\"" + library + "\",\"aliases\":[]}}";
    }

    private static String inLibrary(String api, String library) {
        return "{\"kind\":\"relationship\",\"type\":\"IN_LIBRARY\",\"from\":{\"label\":\"Api\",\"key\":\"" + api
                + "\"},\"to\":{\"label\":\"Library\",\"key\":\"" + library + "\"}}";
    }

    private static String end(long nodes, long relationships) {
        return "{\"kind\":\"end\",\"nodes\":" + nodes + ",\"relationships\":" + relationships + "}";
    }
}
