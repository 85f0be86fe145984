package dev.spark.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import dev.spark.ops.internal.MemorySchema.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The export's whitelist follows the schema: a label given a unique constraint, a vector index or a relationship type
 * written anywhere in Spark's Cypher without a place in {@link MemorySchema} would be left out of every export.
 */
@SparkIntegrationTest
class MemorySchemaTest {

    static final Pattern RELATIONSHIP = Pattern.compile("\\[\\w*:([A-Z_]+)");

    @Autowired
    Graph graph;

    @Test
    void everyConstrainedLabelIsAKindKeyedByOneOfItsUniqueProperties() {
        Map<String, Set<String>> unique = graph.query("""
                SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS'
                RETURN labelsOrTypes[0] AS label, properties[0] AS property""", Map.of()).stream()
                .collect(Collectors.groupingBy(r -> r.get("label").asString(), Collectors.mapping(r -> r.get("property").asString(),
                        Collectors.toSet())));
        unique.remove("CurationLease"); // coordination, not memory
        unique.remove("ApiKey"); // credentials, never exported
        assertThat(unique.keySet()).containsExactlyInAnyOrderElementsOf(Arrays.stream(Kind.values()).map(Kind::label).toList());
        for (Kind kind : Kind.values()) {
            assertThat(unique.get(kind.label())).as(kind.label()).contains(kind.key());
        }
    }

    @Test
    void everyVectorIndexIsTheVectorPropertyOfItsKind() {
        Map<String, String> vectors = graph.query("""
                SHOW VECTOR INDEXES YIELD labelsOrTypes, properties RETURN labelsOrTypes[0] AS label, properties[0] AS property""",
                Map.of()).stream().collect(Collectors.toMap(r -> r.get("label").asString(), r -> r.get("property").asString()));
        Map<String, String> declared = Arrays.stream(Kind.values()).filter(k -> k.vector().isPresent())
                .collect(Collectors.toMap(Kind::label, k -> k.vector().orElseThrow()));
        assertThat(declared).isEqualTo(vectors);
    }

    @Test
    void everyRelationshipTypeInSparksCypherIsExported() throws IOException {
        Set<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = RELATIONSHIP.matcher(Files.readString(file));
                while (m.find()) {
                    written.add(m.group(1));
                }
            }
        }
        assertThat(written).hasSizeGreaterThan(15);
        assertThat(MemorySchema.RELATIONSHIP_TYPES).containsAll(written);
    }
}
