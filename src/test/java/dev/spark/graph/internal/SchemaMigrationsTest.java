package dev.spark.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SparkIntegrationTest
class SchemaMigrationsTest {

    @Autowired
    SchemaMigrations migrations;

    @Autowired
    Graph graph;

    @Test
    void schemaIsAppliedAtStartAndReapplyingChangesNothing() {
        assertThat(migrations.apply()).isZero();
        assertThat(graph.query("MATCH (m:__SparkMigration) RETURN m.version AS v ORDER BY v", Map.of()))
                .extracting(r -> r.get("v").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void refusesAMigrationEditedAfterItWasApplied() {
        SchemaMigrations.Migration applied = SchemaMigrations.load().get(0);
        String checksumBefore = checksumOf(applied.version());
        var edited = new SchemaMigrations.Migration(applied.version(), applied.name(),
                List.of("CREATE INDEX edited_probe IF NOT EXISTS FOR (n:EditedProbe) ON (n.name)"), "edited-" + checksumBefore);

        assertThatThrownBy(() -> migrations.apply(List.of(edited)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V" + applied.version() + " changed after it was applied");
        assertThat(checksumOf(applied.version())).isEqualTo(checksumBefore);
        assertThat(graph.query("SHOW INDEXES YIELD name WHERE name = 'edited_probe' RETURN name", Map.of())).isEmpty();
    }

    @Test
    void tracesStoredBeforeTheLearningLoopAreQueuedOnceAndCuratedOnesAreNot() {
        graph.execute("""
                CREATE (:Trace {id: 'trace-migration-old', outcome: 'SUCCESS'})
                CREATE (:Trace {id: 'trace-migration-curated', outcome: 'SUCCESS', curatedAt: datetime()})
                CREATE (:Trace:CurationFailed {id: 'trace-migration-failed', outcome: 'SUCCESS'})
                CREATE (:Lesson {id: 'lesson-migration-old'})-[:LEARNED_FROM]->(:Trace {id: 'trace-migration-taught', outcome: 'SUCCESS'})""",
                Map.of());
        SchemaMigrations.Migration queue = SchemaMigrations.load().stream().filter(m -> m.version() == 5).findFirst().orElseThrow();
        try {
            queue.statements().forEach(statement -> graph.execute(statement, Map.of()));

            assertThat(graph.query("MATCH (t:Trace:Uncurated) WHERE t.id STARTS WITH 'trace-migration-' RETURN t.id AS id", Map.of()))
                    .extracting(r -> r.get("id").asString()).containsExactly("trace-migration-old");
        } finally {
            graph.execute("MATCH (t:Trace) WHERE t.id STARTS WITH 'trace-migration-' DETACH DELETE t", Map.of());
            graph.execute("MATCH (l:Lesson {id: 'lesson-migration-old'}) DETACH DELETE l", Map.of());
        }
    }

    private String checksumOf(int version) {
        return graph.query("MATCH (m:__SparkMigration {version: $v}) RETURN m.checksum AS c", Map.of("v", version))
                .get(0).get("c").asString();
    }

    @Test
    void createsConstraintsVectorAndFullTextIndexes() {
        var indexes = graph.query("SHOW INDEXES YIELD name, type, state RETURN name, type, state", Map.of());
        assertThat(indexes).extracting(r -> r.get("name").asString() + ":" + r.get("type").asString())
                .contains("doc_embedding:VECTOR", "task_embedding:VECTOR", "lesson_embedding:VECTOR",
                        "doc_fulltext:FULLTEXT", "lesson_fulltext:FULLTEXT", "task_fulltext:FULLTEXT");
        assertThat(indexes).allMatch(r -> r.get("state").asString().equals("ONLINE"));
        var constraints = graph.query("SHOW CONSTRAINTS YIELD name RETURN name", Map.of());
        assertThat(constraints).extracting(r -> r.get("name").asString())
                .contains("doc_id", "api_qualified_name", "library_name", "trace_id", "lesson_id", "api_key_id");
        var config = graph.query("SHOW INDEXES YIELD name, options WHERE name = 'doc_embedding' RETURN options", Map.of())
                .get(0).get("options").get("indexConfig");
        assertThat(config.get("vector.dimensions").asInt()).isEqualTo(384);
        assertThat(config.get("vector.similarity_function").asString()).isEqualToIgnoringCase("cosine");
    }
}
