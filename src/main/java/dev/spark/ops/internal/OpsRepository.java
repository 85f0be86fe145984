package dev.spark.ops.internal;

import dev.spark.graph.Graph;
import dev.spark.ops.internal.MemorySchema.Kind;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/**
 * Every Cypher statement of the operations module. Statements that must name a label or relationship type take it
 * from {@link MemorySchema} only (labels cannot be parameters); every value is a parameter.
 */
@Repository
public class OpsRepository {

    private final Graph graph;

    public OpsRepository(Graph graph) {
        this.graph = graph;
    }

    // ---- export -------------------------------------------------------------------------------------------------

    /** One node read for export: its labels and properties. */
    public record NodeRow(String key, List<String> labels, Map<String, Object> properties) {
    }

    /** One outgoing relationship read for export, with the labels and key candidates of its end node. */
    public record RelationshipRow(String fromKey, String type, List<String> toLabels, Map<String, Object> toKeys,
                                  Map<String, Object> properties) {
    }

    /**
     * The next {@code limit} nodes of a kind after the key {@code after} (null: from the first), in key order, which
     * the index of the key's unique constraint gives without sorting.
     */
    public List<NodeRow> nodesAfter(Kind kind, String after, int limit) {
        String cypher = "MATCH (n:" + kind.label() + ") WHERE " + after(kind, after) + " "
                + "RETURN n." + kind.key() + " AS key, labels(n) AS labels, properties(n) AS props "
                + "ORDER BY n." + kind.key() + " LIMIT $limit";
        return graph.query(cypher, page(after, limit)).stream()
                .map(r -> new NodeRow(r.get("key").asString(), r.get("labels").asList(Value::asString), r.get("props").asMap()))
                .toList();
    }

    /**
     * The outgoing relationships of the next {@code limit} nodes of a kind after {@code after}; a node without any
     * gives one row with a null type, so that the last row's key is where the next page starts.
     */
    public List<RelationshipRow> relationshipsAfter(Kind kind, String after, int limit) {
        String cypher = "MATCH (n:" + kind.label() + ") WHERE " + after(kind, after) + " "
                + "WITH n ORDER BY n." + kind.key() + " LIMIT $limit "
                + "OPTIONAL MATCH (n)-[r]->(m) "
                + "RETURN n." + kind.key() + " AS key, type(r) AS type, labels(m) AS toLabels, "
                + "m {.id, .name, .qualifiedName, .signature} AS toKeys, properties(r) AS props "
                + "ORDER BY key";
        return graph.query(cypher, page(after, limit)).stream()
                .map(r -> new RelationshipRow(r.get("key").asString(), r.get("type").isNull() ? null : r.get("type").asString(),
                        r.get("toLabels").isNull() ? List.of() : r.get("toLabels").asList(Value::asString),
                        r.get("toKeys").isNull() ? Map.of() : r.get("toKeys").asMap(),
                        r.get("props").isNull() ? Map.of() : r.get("props").asMap()))
                .toList();
    }

    private static String after(Kind kind, String after) {
        return after == null ? "n." + kind.key() + " IS NOT NULL" : "n." + kind.key() + " > $after";
    }

    private static Map<String, Object> page(String after, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("after", after);
        params.put("limit", limit);
        return params;
    }

    /** Labels of nodes that belong to no kind of the memory (written by hand, say), with how many carry each. */
    public Map<String, Long> foreignLabels(List<String> known) {
        Map<String, Long> labels = new LinkedHashMap<>();
        graph.query("""
                MATCH (n) WHERE none(l IN labels(n) WHERE l IN $known)
                UNWIND labels(n) AS label
                RETURN label, count(*) AS n ORDER BY label""", Map.of("known", known))
                .forEach(r -> labels.put(r.get("label").asString(), r.get("n").asLong()));
        return labels;
    }

    /** The highest schema migration applied to this database (0 if none). */
    public int schemaVersion() {
        return graph.query("MATCH (m:__SparkMigration) RETURN coalesce(max(m.version), 0) AS v", Map.of())
                .get(0).get("v").asInt();
    }

    // ---- import -------------------------------------------------------------------------------------------------

    /**
     * Whether the database holds any node besides schema bookkeeping, the curation lease (which is not exported) and
     * the leftovers of an import.
     */
    public boolean holdsMemory() {
        return graph.query("""
                MATCH (n) WHERE NOT n:__SparkMigration AND NOT n:__SparkImport AND NOT n:CurationLease
                RETURN count(n) > 0 AS any""", Map.of()).get(0).get("any").asBoolean();
    }

    /**
     * Creates the nodes of one batch, each marked as being imported; a node whose key exists already is left as it
     * is (unmarked). Rows: {key, props, vector, labels}.
     */
    public void createNodes(Kind kind, List<Map<String, Object>> rows) {
        StringBuilder cypher = new StringBuilder("UNWIND $rows AS row MERGE (n:" + kind.label() + " {" + kind.key() + ": row.key}) "
                + "ON CREATE SET n += row.props, n:" + MemorySchema.IMPORTING + " ");
        for (String extra : kind.extraLabels()) {
            cypher.append("FOREACH (_ IN CASE WHEN n:" + MemorySchema.IMPORTING + " AND '" + extra
                    + "' IN row.labels THEN [1] ELSE [] END | SET n:" + extra + ") ");
        }
        kind.vector().ifPresent(property -> cypher.append("WITH n, row WHERE n:" + MemorySchema.IMPORTING
                + " AND row.vector IS NOT NULL CALL db.create.setNodeVectorProperty(n, '" + property + "', row.vector) "));
        graph.execute(cypher.toString(), Map.of("rows", rows));
    }

    /**
     * Creates the relationships of one batch from a node the import created (or to one); returns how many rows found
     * both their ends. Rows: {from, to, props}.
     */
    public long createRelationships(Kind from, String type, Kind to, List<Map<String, Object>> rows) {
        if (!MemorySchema.RELATIONSHIP_TYPES.contains(type)) {
            throw new IllegalArgumentException("not a relationship type of Spark's memory: " + type);
        }
        String cypher = "UNWIND $rows AS row "
                + "MATCH (a:" + from.label() + " {" + from.key() + ": row.from}) "
                + "MATCH (b:" + to.label() + " {" + to.key() + ": row.to}) "
                + "FOREACH (_ IN CASE WHEN a:" + MemorySchema.IMPORTING + " OR b:" + MemorySchema.IMPORTING + " THEN [1] ELSE [] END | "
                + "CREATE (a)-[r:" + type + "]->(b) SET r = row.props) "
                + "RETURN count(*) AS found";
        return graph.write(tx -> tx.run(cypher, Map.of("rows", rows)).single().get("found").asLong());
    }

    /** Takes the import mark off up to {@code limit} nodes; returns how many. */
    public long unmark(int limit) {
        return graph.write(tx -> tx.run("""
                MATCH (n:__SparkImport) WITH n LIMIT $limit REMOVE n:__SparkImport RETURN count(n) AS n""",
                Map.of("limit", limit)).single().get("n").asLong());
    }

    /** Deletes up to {@code limit} nodes still marked as being imported, with their relationships; returns how many. */
    public long deleteMarked(int limit) {
        return graph.write(tx -> tx.run("""
                MATCH (n:__SparkImport) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n""",
                Map.of("limit", limit)).single().get("n").asLong());
    }

    /** Dimensions of each vector index, by label (the index must accept what an import writes). */
    public Map<String, Integer> vectorDimensions() {
        Map<String, Integer> dims = new LinkedHashMap<>();
        graph.query("""
                SHOW VECTOR INDEXES YIELD labelsOrTypes, options
                RETURN labelsOrTypes[0] AS label, options.indexConfig.`vector.dimensions` AS dims""", Map.of())
                .forEach(r -> dims.put(r.get("label").asString(), r.get("dims").asInt()));
        return dims;
    }

    // ---- stats and health ----------------------------------------------------------------------------------------

    /** Nodes per label (a node with two labels counts under both). */
    public Map<String, Long> nodesByLabel() {
        Map<String, Long> counts = new LinkedHashMap<>();
        graph.query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label", Map.of())
                .forEach(r -> counts.put(r.get("label").asString(), r.get("n").asLong()));
        return counts;
    }

    public Map<String, Long> relationshipsByType() {
        Map<String, Long> counts = new LinkedHashMap<>();
        graph.query("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type", Map.of())
                .forEach(r -> counts.put(r.get("type").asString(), r.get("n").asLong()));
        return counts;
    }

    public Map<String, Long> lessonsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        graph.query("MATCH (l:Lesson) RETURN l.status AS status, count(*) AS n ORDER BY status", Map.of())
                .forEach(r -> counts.put(r.get("status").isNull() ? "(none)" : r.get("status").asString(), r.get("n").asLong()));
        return counts;
    }

    /** One index of the database. */
    public record IndexRow(String name, String type, String state, double populationPercent, List<String> labels,
                           List<String> properties) {
    }

    public List<IndexRow> indexes() {
        return graph.query("""
                SHOW INDEXES YIELD name, type, state, populationPercent, labelsOrTypes, properties
                RETURN name, type, state, populationPercent, labelsOrTypes, properties ORDER BY name""", Map.of())
                .stream().map(OpsRepository::index).toList();
    }

    private static IndexRow index(Record r) {
        return new IndexRow(r.get("name").asString(), r.get("type").asString(), r.get("state").asString(),
                r.get("populationPercent").asDouble(),
                r.get("labelsOrTypes").isNull() ? List.of() : r.get("labelsOrTypes").asList(Value::asString),
                r.get("properties").isNull() ? List.of() : r.get("properties").asList(Value::asString));
    }

    /** Traces curation has not seen yet, and when the oldest of them was recorded. */
    public record Backlog(long pending, Optional<ZonedDateTime> oldest) {
    }

    public Backlog curationBacklog() {
        Record r = graph.query("MATCH (t:Trace:Uncurated) RETURN count(t) AS n, min(t.createdAt) AS oldest", Map.of()).get(0);
        return new Backlog(r.get("n").asLong(), r.get("oldest").isNull() ? Optional.empty() : Optional.of(r.get("oldest").asZonedDateTime()));
    }

    /** The last curation run that finished, if any: {id, status, finishedAt}. */
    public Optional<Map<String, Object>> lastCurationRun() {
        return graph.query("""
                MATCH (r:CurationRun) WHERE r.finishedAt IS NOT NULL
                RETURN r.id AS id, r.status AS status, toString(r.finishedAt) AS finishedAt
                ORDER BY r.finishedAt DESC LIMIT 1""", Map.of()).stream().findFirst().map(Record::asMap);
    }
}
