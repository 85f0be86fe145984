package dev.spark.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.knowledge.DocRecord;
import dev.spark.knowledge.IngestProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextDocReaderTest {

    @TempDir
    Path tmp;

    @Test
    void aCapThatCannotMakeProgressIsRefused() {
        assertThatThrownBy(() -> new TextDocReader(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxChunkChars");
        assertThatThrownBy(() -> new TextDocReader(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyPositiveCapSplitsAPageIntoPiecesWithinTheCapThatKeepAllItsText() throws IOException {
        String body = "alpha beta gamma delta\n\n" + "x".repeat(23) + "\n\nshort\n\n" + "epsilon zeta eta theta iota";
        Path file = Files.writeString(tmp.resolve("page.txt"), body);

        for (int cap : new int[] {1, 2, 3, 7, 24, 1_000}) {
            List<String> texts = texts(read(cap, file));

            assertThat(texts).as("cap %d", cap).allMatch(t -> t.length() <= cap).allMatch(t -> !t.isBlank());
            assertThat(String.join("", texts).replaceAll("\\s", "")).as("cap %d", cap).isEqualTo(body.replaceAll("\\s", ""));
        }
    }

    @Test
    void aHardCutNeverSplitsACharacterOutsideTheBasicPlane() throws IOException {
        String emojis = "\uD83D\uDE00".repeat(10);
        Path file = Files.writeString(tmp.resolve("emoji.txt"), emojis);

        for (int cap : new int[] {1, 3, 5}) {
            List<String> texts = texts(read(cap, file));

            assertThat(String.join("", texts)).isEqualTo(emojis);
            assertThat(texts).as("cap %d", cap).allMatch(t -> !Character.isLowSurrogate(t.charAt(0))
                    && !Character.isHighSurrogate(t.charAt(t.length() - 1)));
        }
    }

    private static List<String> texts(List<DocRecord> records) {
        return records.stream().map(DocRecord::text).toList();
    }

    private List<DocRecord> read(int cap, Path file) throws IOException {
        List<DocRecord> records = new ArrayList<>();
        new TextDocReader(cap).read(tmp, file, "lib", null, new DocSink() {
            @Override
            public void record(DocRecord record) {
                records.add(record);
            }

            @Override
            public void problem(IngestProblem problem) {
                throw new AssertionError(problem.toString());
            }
        });
        return records;
    }
}
