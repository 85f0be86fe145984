package dev.spark.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ds1000ReaderTest {

    @TempDir
    Path dir;

    private final Ds1000Reader reader = new Ds1000Reader();

    /** A made-up problem line; nothing here comes from DS-1000. */
    static String line(int problemId, int libraryId, String library, String type, int originId) {
        return """
                {"problem_id": %d, "library_problem_id": %d, "library": "%s", "perturbation_type": "%s",\
                 "perturbation_origin_id": %d, "prompt": "Task %d: sum a column.", "reference_code": "x = 1",\
                 "code_context": "", "gold_doc_ids": ["%s.page.a", "%s.page.a"], "gold_functions": ["f"],\
                 "apis": ["%s.f"]}""".formatted(problemId, libraryId, library, type, originId, problemId,
                library.toLowerCase(), library.toLowerCase(), library.toLowerCase());
    }

    static Path gzip(Path file, String... lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private List<Ds1000Problem> fourProblems() throws IOException {
        return reader.read(gzip(dir.resolve("problems.jsonl.gz"),
                line(0, 0, "Pandas", "Origin", 0),
                line(1, 1, "Pandas", "Surface", 0),
                line(2, 2, "Pandas", "Difficult-Rewrite", 1),
                "",
                line(3, 0, "Numpy", "Origin", 0)));
    }

    @Test
    void readsGzippedLinesWithAllFields() throws IOException {
        List<Ds1000Problem> problems = fourProblems();

        assertThat(problems).hasSize(4);
        Ds1000Problem surface = problems.get(1);
        assertThat(surface.problemId()).isEqualTo(1);
        assertThat(surface.libraryProblemId()).isEqualTo(1);
        assertThat(surface.library()).isEqualTo("Pandas");
        assertThat(surface.corpusLibrary()).isEqualTo("pandas");
        assertThat(surface.perturbationType()).isEqualTo("Surface");
        assertThat(surface.isOrigin()).isFalse();
        assertThat(surface.perturbationOriginId()).isZero();
        assertThat(surface.prompt()).isEqualTo("Task 1: sum a column.");
        assertThat(surface.referenceCode()).isEqualTo("x = 1");
        assertThat(surface.codeContext()).isEmpty();
        assertThat(surface.goldDocIds()).containsExactly("pandas.page.a", "pandas.page.a");
        assertThat(surface.goldPages()).containsExactly("pandas.page.a");
        assertThat(surface.goldFunctions()).containsExactly("f");
        assertThat(surface.apis()).containsExactly("pandas.f");
    }

    @Test
    void readsPlainJsonLines() throws IOException {
        Path file = Files.writeString(dir.resolve("problems.jsonl"), line(7, 3, "Scipy", "Origin", 3) + "\r\n");

        assertThat(reader.read(file)).singleElement().extracting(Ds1000Problem::problemId).isEqualTo(7);
    }

    @Test
    void followsPerturbationChainsToTheOriginWithinTheLibrary() throws IOException {
        Map<Integer, Integer> origins = Ds1000Reader.originIds(fourProblems());

        // Problem 2 derives from the Surface variant 1, which derives from Origin 0; Numpy's #0 is not Pandas' #0.
        assertThat(origins).containsExactlyInAnyOrderEntriesOf(Map.of(0, 0, 1, 0, 2, 0, 3, 0));
    }

    @Test
    void rejectsCyclesAndChainsLeavingTheProblems() throws IOException {
        List<Ds1000Problem> cycle = reader.read(gzip(dir.resolve("cycle.jsonl.gz"),
                line(0, 0, "Numpy", "Semantic", 1),
                line(1, 1, "Numpy", "Surface", 2),
                line(2, 2, "Numpy", "Surface", 0)));
        List<Ds1000Problem> dangling = reader.read(gzip(dir.resolve("dangling.jsonl.gz"),
                line(0, 0, "Numpy", "Semantic", 5)));
        List<Ds1000Problem> otherLibrary = reader.read(gzip(dir.resolve("other.jsonl.gz"),
                line(0, 0, "Numpy", "Origin", 0),
                line(1, 1, "Pandas", "Surface", 0)));

        assertThatThrownBy(() -> Ds1000Reader.originIds(cycle))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loops: #0 -> #1 -> #2 -> #0");
        assertThatThrownBy(() -> Ds1000Reader.originIds(dangling))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#5, which is not among the problems");
        assertThatThrownBy(() -> Ds1000Reader.originIds(otherLibrary))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Pandas #1");
    }

    @Test
    void namesFileLineAndFieldOfAMissingField() throws IOException {
        Path file = gzip(dir.resolve("bad.jsonl.gz"),
                line(0, 0, "Pandas", "Origin", 0),
                line(1, 1, "Pandas", "Origin", 1).replace("\"prompt\": \"Task 1: sum a column.\",", ""));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOfSatisfying(Ds1000FormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("prompt");
                })
                .hasMessage(file + ":2: prompt: is missing");
    }

    @Test
    void rejectsWrongTypesUnknownPerturbationsAndRepeatedIds() throws IOException {
        String good = line(0, 0, "Pandas", "Origin", 0);
        assertThatThrownBy(() -> reader.read(gzip(dir.resolve("a.gz"), good.replace("\"problem_id\": 0", "\"problem_id\": \"0\""))))
                .hasMessageEndingWith(":1: problem_id: must be a non-negative integer, was \"0\"");
        assertThatThrownBy(() -> reader.read(gzip(dir.resolve("b.gz"), good.replace("\"Origin\"", "\"Shuffled\""))))
                .hasMessageContaining(":1: perturbation_type: must be one of");
        assertThatThrownBy(() -> reader.read(gzip(dir.resolve("c.gz"), good.replace("[\"pandas.f\"]", "\"pandas.f\""))))
                .hasMessageEndingWith(":1: apis: must be an array of strings");
        assertThatThrownBy(() -> reader.read(gzip(dir.resolve("d.gz"), good, "{\"problem_id\": ")))
                .hasMessageContaining(":2: line: malformed JSON");
        assertThatThrownBy(() -> reader.read(gzip(dir.resolve("e.gz"), good, "[1, 2]")))
                .hasMessageEndingWith(":2: line: must be a JSON object");
        assertThatThrownBy(() -> reader.read(gzip(dir.resolve("f.gz"), good, line(0, 1, "Pandas", "Origin", 1))))
                .hasMessageEndingWith(":2: problem_id: 0 already appears on line 1");
        assertThatThrownBy(() -> reader.read(gzip(dir.resolve("g.gz"), good, line(1, 0, "Pandas", "Origin", 0))))
                .hasMessageEndingWith(":2: library_problem_id: 0 of Pandas already appears on line 1");
    }

    @Test
    void rejectsInvalidUtf8WithItsLine() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        byte[] first = (line(0, 0, "Pandas", "Origin", 0) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] second = line(1, 1, "Pandas", "Origin", 1).replace("sum", "s\u00e9m").getBytes(StandardCharsets.ISO_8859_1);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(first);
            out.write(second);
        }

        assertThatThrownBy(() -> reader.read(file)).hasMessage(file + ":2: line: not valid UTF-8");
    }
}
