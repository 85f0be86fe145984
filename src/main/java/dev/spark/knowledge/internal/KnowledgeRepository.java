package dev.spark.knowledge.internal;

import dev.spark.graph.Graph;
import dev.spark.graph.OneParameter;
import dev.spark.knowledge.CorpusSize;
import dev.spark.knowledge.LibraryCatalog.LibrarySummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement of the knowledge module: the {@code Library}, {@code Api} and {@code Doc} nodes it owns,
 * their vector and full-text indexes, and the mapping of their rows into records.
 */
@Component
public class KnowledgeRepository {

    private static final String STORED_HASHES = """
            UNWIND $ids AS id
            MATCH (d:Doc {id: id})
            RETURN d.id AS id, d.hash AS hash""";

    private static final String WRITE_CHUNKS = """
            UNWIND $rows AS row
            MERGE (l:Library {name: row.library})
            SET l.version = coalesce(row.version, l.version)
            MERGE (d:Doc {id: row.id})
            SET d.docId = row.docId, d.library = row.library, d.api = row.api, d.title = row.title,
                d.text = row.text, d.source = row.source, d.version = row.version, d.hash = row.hash,
                d.embeddingModel = $model, d.updatedAt = datetime()
            MERGE (d)-[:IN_LIBRARY]->(l)
            WITH d, l, row
            CALL db.create.setNodeVectorProperty(d, 'embedding', row.embedding)
            WITH d, l, row
            CALL (d, row) {
              MATCH (d)-[old:DOCUMENTS]->(a:Api)
              WHERE row.apiName IS NULL OR a.qualifiedName <> row.apiName
              DELETE old
            }
            CALL (d, l, row) {
              WITH d, l, row WHERE row.apiName IS NOT NULL
              MERGE (a:Api {qualifiedName: row.apiName})
              ON CREATE SET a.kind = row.apiKind, a.library = row.library, a.name = row.apiShortName
              SET a.aliases = reduce(acc = coalesce(a.aliases, []), x IN row.aliases |
                    CASE WHEN x IN acc THEN acc ELSE acc + x END)
              MERGE (a)-[:IN_LIBRARY]->(l)
              MERGE (d)-[:DOCUMENTS]->(a)
            }""";

    /** Batches vary in size: one map parameter keeps one cached plan (see OneParameter). */
    private static final String WRITE_CHUNKS_P = OneParameter.statement(WRITE_CHUNKS);

    private static final String REMOVE_STALE_CHUNKS = """
            UNWIND $pages AS page
            MATCH (d:Doc {docId: page.docId})
            WHERE NOT d.id IN page.ids
            DETACH DELETE d
            RETURN count(*) AS removed""";

    private static final String RECORDED_EMBEDDING_MODEL = """
            MATCH (m:EmbeddingModel {key: 'vectors'})
            RETURN m.name AS name""";

    // databases from before the marker: the model is on every Doc
    private static final String DOC_EMBEDDING_MODELS = """
            MATCH (d:Doc) WHERE d.embeddingModel IS NOT NULL
            RETURN DISTINCT d.embeddingModel AS name
            LIMIT 10""";

    private static final String HOLDS_VECTORS = """
            CALL () {
              MATCH (n:Doc) WHERE n.embedding IS NOT NULL RETURN n LIMIT 1
              UNION MATCH (n:Task) WHERE n.embedding IS NOT NULL RETURN n LIMIT 1
              UNION MATCH (n:Lesson) WHERE n.embedding IS NOT NULL RETURN n LIMIT 1
              UNION MATCH (n:FailurePattern) WHERE n.embedding IS NOT NULL RETURN n LIMIT 1
            }
            RETURN count(n) > 0 AS holds""";

    private static final String RECORD_EMBEDDING_MODEL = """
            MERGE (m:EmbeddingModel {key: 'vectors'})
            ON CREATE SET m.name = $name, m.recordedAt = datetime()
            RETURN m.name AS name""";

    private static final String FORGET_EMBEDDING_MODEL = """
            MATCH (m:EmbeddingModel {key: 'vectors'})
            DELETE m""";

    /** Pages whose stale chunks one transaction removes. */
    private static final int STALE_PAGES_PER_TRANSACTION = 1_000;

    // Neo4j 5 applies the library filter after the k-NN fetch: $fetch over-fetches, $k cuts.
    private static final String VECTOR_CHUNKS = """
            CALL db.index.vector.queryNodes('doc_embedding', $fetch, $vector) YIELD node, score
            WHERE $library IS NULL OR node.library = $library
            RETURN node.id AS id, node.docId AS docId, node.title AS title, node.text AS text, node.api AS api, \
            node.library AS library, node.version AS version, node.source AS source, score
            LIMIT $k""";

    private static final String VECTOR_IDS = """
            CALL db.index.vector.queryNodes('doc_embedding', $fetch, $vector) YIELD node, score
            WHERE $library IS NULL OR node.library = $library
            RETURN node.id AS id, score
            LIMIT $k""";

    private static final String FULLTEXT_CHUNKS = """
            CALL db.index.fulltext.queryNodes('doc_fulltext', $query, {limit: $fetch}) YIELD node, score
            WHERE $library IS NULL OR node.library = $library
            RETURN node.id AS id, node.docId AS docId, node.title AS title, node.text AS text, node.api AS api, \
            node.library AS library, node.version AS version, node.source AS source, score
            LIMIT $k""";

    private static final String FULLTEXT_IDS = """
            CALL db.index.fulltext.queryNodes('doc_fulltext', $query, {limit: $fetch}) YIELD node, score
            WHERE $library IS NULL OR node.library = $library
            RETURN node.id AS id, score
            LIMIT $k""";

    private static final String CHUNKS_BY_ID = """
            UNWIND $ids AS id
            MATCH (d:Doc {id: id})
            RETURN d.id AS id, d.docId AS docId, d.title AS title, d.text AS text, d.api AS api,
                   d.library AS library, d.version AS version, d.source AS source""";

    private static final String CHUNK_COUNT = "MATCH (d:Doc) RETURN count(d) AS n";

    private static final String CORPUS_SIZE = """
            MATCH (d:Doc)
            RETURN count(d) AS chunks, count(DISTINCT d.docId) AS pages""";

    private static final String LIBRARIES = """
            MATCH (l:Library)
            CALL (l) { MATCH (d:Doc)-[:IN_LIBRARY]->(l) RETURN count(d) AS docs }
            CALL (l) { MATCH (a:Api)-[:IN_LIBRARY]->(l) RETURN count(a) AS apis }
            RETURN l.name AS name, l.version AS version, docs, apis
            ORDER BY name""";

    private static final String API_WITH_DOCS = """
            MATCH (a:Api)
            WHERE a.qualifiedName = $name OR $name IN coalesce(a.aliases, [])
            WITH a ORDER BY a.qualifiedName = $name DESC LIMIT 1
            OPTIONAL MATCH (d:Doc)-[:DOCUMENTS]->(a)
            WITH a, d ORDER BY d.id
            RETURN a.qualifiedName AS name, a.kind AS kind, a.library AS library, coalesce(a.aliases, []) AS aliases,
                   collect(d {.id, .docId, .title, .text, .api, .library, .version, .source}) AS docs""";

    private static final String REGISTER_APIS = """
            UNWIND $apis AS api
            MERGE (a:Api {qualifiedName: api.qualifiedName})
              ON CREATE SET a.kind = api.kind, a.library = api.library, a.name = api.name, a.foundIn = 'trace'""";

    // only nodes that code introduced: documented APIs stay even when nothing points at them
    private static final String PRUNE_UNREFERENCED_APIS = """
            MATCH (a:Api {foundIn: 'trace'})
            WHERE NOT EXISTS { (a)<--() }
            WITH a LIMIT $limit
            DETACH DELETE a
            RETURN count(*) AS deleted""";

    /** The same rule for named APIs only, in the caller's transaction (forgetting the traces that used them). */
    private static final String PRUNE_NAMED_APIS = """
            UNWIND $names AS name
            MATCH (a:Api {qualifiedName: name, foundIn: 'trace'})
            WHERE NOT EXISTS { (a)<--() }
            DETACH DELETE a
            RETURN count(*) AS deleted""";

    /** Nodes one pruning transaction deletes, so a large clean-up never needs one huge transaction. */
    private static final int PRUNED_PER_TRANSACTION = 5_000;

    private final Graph graph;

    public KnowledgeRepository(Graph graph) {
        this.graph = graph;
    }

    // --- ingestion

    /** The content hash stored for each of these chunk ids; ids not stored are absent. */
    /** The model recorded as having embedded this database's vectors, if one is. */
    public Optional<String> recordedEmbeddingModel() {
        return graph.query(RECORDED_EMBEDDING_MODEL, Map.of()).stream().findFirst().map(r -> r.get("name").asString());
    }

    /** The distinct models named on stored documentation (at most 10). */
    public List<String> docEmbeddingModels() {
        return graph.query(DOC_EMBEDDING_MODELS, Map.of()).stream().map(r -> r.get("name").asString()).toList();
    }

    /** Whether any documentation, task, lesson or failure pattern holds a vector. */
    public boolean holdsVectors() {
        return graph.query(HOLDS_VECTORS, Map.of()).get(0).get("holds").asBoolean();
    }

    /** Records {@code name} as the model of this database's vectors unless one is recorded; returns the recorded one. */
    public String recordEmbeddingModel(String name) {
        return graph.write(tx -> tx.run(RECORD_EMBEDDING_MODEL, Map.of("name", name)).single().get("name").asString());
    }

    /** Removes the record of the embedding model (for a database that holds no vectors). */
    public void forgetEmbeddingModel() {
        graph.execute(FORGET_EMBEDDING_MODEL, Map.of());
    }

    public Map<String, String> storedHashes(List<String> ids) {
        Map<String, String> stored = new HashMap<>();
        graph.query(STORED_HASHES, Map.of("ids", ids))
                .forEach(r -> stored.put(r.get("id").asString(), r.get("hash").asString(null)));
        return stored;
    }

    /** Writes the chunks, their libraries and documented APIs in one transaction: all of them or none. */
    public void writeChunks(List<ChunkWrite> chunks, String embeddingModel) {
        List<Map<String, Object>> rows = chunks.stream().map(ChunkWrite::parameters).toList();
        graph.write(tx -> {
            // the first vectors written record their model, in the same transaction (EmbeddingModelGuard)
            tx.run(RECORD_EMBEDDING_MODEL, Map.of("name", embeddingModel)).consume();
            return tx.run(WRITE_CHUNKS_P, OneParameter.values(Map.of("rows", rows, "model", embeddingModel))).consume();
        });
    }

    /**
     * Deletes the chunks of these pages whose ids are not among the page's current ids; returns how many.
     *
     * @param pages chunk ids by page ({@code docId}), each page read completely
     */
    public long removeStaleChunks(Map<String, Set<String>> pages) {
        List<Map<String, Object>> rows = new ArrayList<>(pages.size());
        pages.forEach((docId, ids) -> rows.add(Map.of("docId", docId, "ids", List.copyOf(ids))));
        long removed = 0;
        for (int from = 0; from < rows.size(); from += STALE_PAGES_PER_TRANSACTION) {
            List<Map<String, Object>> slice = rows.subList(from, Math.min(rows.size(), from + STALE_PAGES_PER_TRANSACTION));
            removed += graph.write(tx -> tx.run(REMOVE_STALE_CHUNKS, Map.of("pages", slice)).single().get("removed").asLong());
        }
        return removed;
    }

    // --- search

    /** The nearest chunks by embedding, best first, among the {@code fetch} nearest of the whole index. */
    public List<StoredChunk> vectorChunks(float[] vector, String library, int fetch, int k) {
        return graph.query(VECTOR_CHUNKS, searchParameters("vector", vector, library, fetch, k)).stream()
                .map(KnowledgeRepository::chunk).toList();
    }

    public List<String> vectorIds(float[] vector, String library, int fetch, int k) {
        return ids(graph.query(VECTOR_IDS, searchParameters("vector", vector, library, fetch, k)));
    }

    /** The best chunks by BM25 for a Lucene query, best first. */
    public List<StoredChunk> fulltextChunks(String luceneQuery, String library, int fetch, int k) {
        return graph.query(FULLTEXT_CHUNKS, searchParameters("query", luceneQuery, library, fetch, k)).stream()
                .map(KnowledgeRepository::chunk).toList();
    }

    public List<String> fulltextIds(String luceneQuery, String library, int fetch, int k) {
        return ids(graph.query(FULLTEXT_IDS, searchParameters("query", luceneQuery, library, fetch, k)));
    }

    /** The chunks with these ids, in no particular order; unknown ids are left out. */
    public List<StoredChunk> chunks(List<String> ids) {
        return graph.query(CHUNKS_BY_ID, Map.of("ids", ids)).stream().map(KnowledgeRepository::chunk).toList();
    }

    public long chunkCount() {
        return graph.query(CHUNK_COUNT, Map.of()).get(0).get("n").asLong();
    }

    // --- catalog

    public CorpusSize corpusSize() {
        Record r = graph.query(CORPUS_SIZE, Map.of()).get(0);
        return new CorpusSize(r.get("chunks").asLong(), r.get("pages").asLong());
    }

    /** Every library by name, with its chunk and API counts. */
    public List<LibrarySummary> libraries() {
        return graph.query(LIBRARIES, Map.of()).stream()
                .map(r -> new LibrarySummary(r.get("name").asString(), r.get("version").asString(null),
                        r.get("docs").asLong(), r.get("apis").asLong()))
                .toList();
    }

    /** The API with this qualified name, else one with it as an alias. */
    public Optional<StoredApi> api(String qualifiedName) {
        List<Record> records = graph.query(API_WITH_DOCS, Map.of("name", qualifiedName));
        if (records.isEmpty()) {
            return Optional.empty();
        }
        Record r = records.get(0);
        return Optional.of(new StoredApi(r.get("name").asString(), r.get("kind").asString(null),
                r.get("library").asString(null), r.get("aliases").asList(Value::asString),
                r.get("docs").asList(KnowledgeRepository::chunk)));
    }

    // --- APIs named by code

    /** MERGEs these APIs in the caller's transaction; existing nodes keep their properties. */
    public void registerApis(TransactionContext tx, List<ApiRegistration> apis) {
        List<Map<String, Object>> rows = apis.stream()
                .map(a -> Map.<String, Object>of("qualifiedName", a.qualifiedName(), "kind", a.kind(),
                        "library", a.library(), "name", a.name()))
                .toList();
        tx.run(REGISTER_APIS, Map.of("apis", rows)).consume();
    }

    /** Deletes APIs that code introduced and nothing points at any more; returns how many. */
    public long pruneUnreferencedApis(TransactionContext tx, List<String> names) {
        return tx.run(PRUNE_NAMED_APIS, Map.of("names", names)).single().get("deleted").asLong();
    }

    public long pruneUnreferencedApis() {
        long total = 0;
        long deleted;
        do {
            deleted = graph.write(tx -> tx.run(PRUNE_UNREFERENCED_APIS, Map.of("limit", PRUNED_PER_TRANSACTION))
                    .single().get("deleted").asLong());
            total += deleted;
        } while (deleted == PRUNED_PER_TRANSACTION);
        return total;
    }

    private static StoredChunk chunk(Record r) {
        return chunk(r.get("id"), r.get("docId"), r.get("title"), r.get("text"), r.get("api"), r.get("library"),
                r.get("version"), r.get("source"));
    }

    private static StoredChunk chunk(Value v) {
        return chunk(v.get("id"), v.get("docId"), v.get("title"), v.get("text"), v.get("api"), v.get("library"),
                v.get("version"), v.get("source"));
    }

    private static StoredChunk chunk(Value id, Value docId, Value title, Value text, Value api, Value library,
                                     Value version, Value source) {
        return new StoredChunk(id.asString(), docId.asString(null), title.asString(null), text.asString(null),
                api.asString(null), library.asString(null), version.asString(null), source.asString(null));
    }

    private static List<String> ids(List<Record> rows) {
        return rows.stream().map(r -> r.get("id").asString()).toList();
    }

    private static Map<String, Object> searchParameters(String name, Object value, String library, int fetch, int k) {
        // a HashMap, since the library is null when the search is not restricted
        Map<String, Object> params = new HashMap<>();
        params.put(name, value);
        params.put("library", library);
        params.put("fetch", fetch);
        params.put("k", k);
        return params;
    }
}
