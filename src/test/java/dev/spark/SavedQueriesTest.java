package dev.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.spark.graph.Graph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every saved query of cypher/explore runs as pasted into Neo4j Browser (with its parameter set). */
@SparkIntegrationTest
class SavedQueriesTest {

    @Autowired
    Graph graph;

    @Test
    void everySavedQueryRuns() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("cypher/explore"))) {
            files = list.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        Map<String, Object> params = Map.of("lessonId", "lesson-none", "recommendationId", "rec-none", "api", "pandas.DataFrame.loc",
                "apiName", "pandas.DataFrame.loc", "library", "pandas");
        for (Path file : files) {
            String cypher = Files.readString(file).strip().replaceAll(";\\s*$", "");
            assertThatCode(() -> graph.query(cypher, params)).as(file.toString()).doesNotThrowAnyException();
        }
    }
}
