package dev.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkApplication;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import dev.spark.graph.internal.EmbeddedNeo4j;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The exit codes of docs/cli.md, command by command: 0 done, 1 failed, 2 usage, 3 busy, 4 not empty. */
@SparkIntegrationTest
class CommandExitCodesTest {

    @Autowired
    Graph graph;

    @Autowired
    Environment environment;

    @Autowired(required = false)
    EmbeddedNeo4j embedded;

    @TempDir
    Path tmp;

    @BeforeEach
    void pointTheCommandsAtTheTestDatabase() {
        GraphFixtures.clear(graph);
        TestDatabaseForCommands.pointCommandsAt(environment, embedded);
    }

    @AfterEach
    void reset() {
        TestDatabaseForCommands.reset();
    }

    @Test
    void everyCommandAnswersHelpWithZeroAndBadArgumentsWithTheUsageCode() {
        for (String[] command : new String[][] {{"serve"}, {"stats"}, {"export"}, {"import"}, {"curate"}, {"ingest"}, {"ingest", "docs"}, {"bench"}, {"eval"}}) {
            String[] help = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            String[] bad = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--no-such-option"))
                    .toArray(String[]::new);
            assertThat(run(help)).as(String.join(" ", help)).isEqualTo(ExitCodes.OK);
            assertThat(run(bad)).as(String.join(" ", bad)).isEqualTo(ExitCodes.USAGE);
        }
        assertThat(run("no-such-command")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("import")).as("FILE is required").isEqualTo(ExitCodes.USAGE);
        assertThat(run("stats", "extra-argument")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aNegativeCountForTheCurationBenchmarkIsAUsageErrorNamingTheOption() {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("bench", "curation", "--warm-up", "-1")).isEqualTo(ExitCodes.USAGE);
        } finally {
            System.setErr(original);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("--warm-up must be 0 or more, was -1");
    }

    @Test
    void missingOrExistingFilesAreUsageErrorsBeforeAnyDatabaseIsOpened() throws IOException {
        assertThat(run("import", tmp.resolve("missing.jsonl").toString())).isEqualTo(ExitCodes.USAGE);
        Path existing = Files.writeString(tmp.resolve("existing.jsonl"), "keep me");
        assertThat(run("export", existing.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void statsPrintsJsonAndABadImportLineExitsOneWithNothingImported() throws IOException {
        graph.execute("CREATE (:Lesson {id: 'l1', status: 'ACTIVE'}), (:Lesson {id: 'l2', status: 'CANDIDATE'}), "
                + "(:Trace:Uncurated {id: 't1', createdAt: datetime()})", Map.of());

        Captured stats = capture(() -> run("stats", "--json"));

        assertThat(stats.code()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(stats.out().substring(stats.out().indexOf("{\n")));
        assertThat(json.get("nodes").get("Lesson").asLong()).isEqualTo(2);
        assertThat(json.get("lessons").get("ACTIVE").asLong()).isEqualTo(1);
        assertThat(json.get("curation").get("pendingTraces").asLong()).isEqualTo(1);
        assertThat(json.get("indexes").values()).anySatisfy(index -> {
            assertThat(index.get("name").asString()).isEqualTo("lesson_embedding");
            assertThat(index.get("type").asString()).isEqualTo("VECTOR");
            assertThat(index.get("state").asString()).isEqualTo("ONLINE");
            assertThat(index.get("populationPercent").asDouble()).isEqualTo(100.0);
        });

        GraphFixtures.clear(graph);
        Path bad = Files.writeString(tmp.resolve("bad.jsonl"), """
                {"kind":"header","format":"spark-memory","version":1,"schema":1,"exportedAt":"2026-01-01T00:00Z"}
                {"kind":"node","label":"Library","key":"numpy","props":{"name":"numpy"}}
                {"kind":"node","label":"Library","key":"pandas","props":{"name":"pandas","version":}}
                """);
        assertThat(run("import", bad.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(GraphFixtures.count(graph, "MATCH (n) WHERE NOT n:__SparkMigration RETURN count(n)")).isZero();
    }

    private static int run(String... args) {
        return SparkCommandLine.run(SparkApplication.class, args);
    }

    record Captured(int code, String out) {
    }

    private static Captured capture(java.util.function.IntSupplier command) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int code = command.getAsInt();
            return new Captured(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
