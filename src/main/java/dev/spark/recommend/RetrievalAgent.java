package dev.spark.recommend;

import dev.spark.ai.TextEmbedder;
import dev.spark.experience.PythonApiExtractor;
import dev.spark.experience.TaskInput;
import dev.spark.graph.FullText;
import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import dev.spark.knowledge.DocHit;
import dev.spark.knowledge.DocSearch;
import dev.spark.knowledge.SearchProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * The retrieval agent behind {@code recommend}: intent analysis, candidates in parallel, graph walks, fusion,
 * synthesis, and storage of the recommendation with {@code CITES} edges so that later ratings reach its items.
 */
@Service
public class RetrievalAgent implements AutoCloseable {

    /**
     * Which lessons may be served: active ones, and candidates of the asking agent's spaces (down-weighted and
     * marked unverified); never quarantined, retired, merged duplicates or lessons held back by a contradiction.
     */
    private static final String SERVABLE = "(%1$s.status = 'ACTIVE' OR %1$s.status = 'CANDIDATE' AND %1$s.space IN $spaces) AND NOT coalesce(%1$s.contested, false)";

    /** Weight of a candidate lesson (not yet confirmed by other agents or ratings) relative to an active one. */
    private static final double CANDIDATE_WEIGHT = 0.5;

    private static final String LESSONS_BY_VECTOR = """
            CALL db.index.vector.queryNodes('lesson_embedding', $fetch, $vector) YIELD node, score
            WHERE %s
            RETURN node.id AS id, score
            LIMIT $k""".formatted(SERVABLE.formatted("node"));

    private static final String LESSONS_BY_TEXT = """
            CALL db.index.fulltext.queryNodes('lesson_fulltext', $query, {limit: $fetch}) YIELD node, score
            WHERE %s
            RETURN node.id AS id, score
            LIMIT $k""".formatted(SERVABLE.formatted("node"));

    /** The spaces an agent has recorded traces in: their candidate lessons are served to it. */
    private static final String AGENT_SPACES = """
            MATCH (:Agent {id: $agentId})-[:RECORDED]->(tr:Trace)
            RETURN collect(DISTINCT tr.space) AS spaces""";

    /** Only tasks somebody attempted carry experience; tasks that were merely asked about are skipped. */
    private static final String SIMILAR_TASKS = """
            CALL db.index.vector.queryNodes('task_embedding', $fetch, $vector) YIELD node, score
            WHERE score >= $minSimilarity AND EXISTS { (node)<-[:ATTEMPTED]-(:Trace) }
            RETURN node.id AS id, score
            LIMIT $k""";

    private static final String TRACES_OF_TASKS = """
            UNWIND $tasks AS st
            MATCH (t:Task {id: st.id})<-[:ATTEMPTED]-(tr:Trace)
            CALL (tr) { OPTIONAL MATCH (tr)-[:USED]->(a:Api) RETURN collect(a.qualifiedName) AS apis }
            CALL (tr) { OPTIONAL MATCH (tr)-[:HIT]->(f:FailurePattern) RETURN collect(f.signature) AS failures }
            CALL (tr) {
              OPTIONAL MATCH (d:Lesson)-[:LEARNED_FROM]->(tr)
              OPTIONAL MATCH (d)-[:MERGED_INTO]->(c:Lesson)
              WITH coalesce(c, d) AS l WHERE l IS NOT NULL AND %s
              RETURN collect(DISTINCT l.id) AS lessons
            }
            RETURN st.id AS taskId, st.score AS similarity, t.text AS taskText, tr.id AS traceId, tr.outcome AS outcome,
                   tr.attempt AS attempt, apis, failures, lessons
            ORDER BY similarity DESC, tr.createdAt DESC
            LIMIT 50""".formatted(SERVABLE.formatted("l"));

    private static final String DOCS_OF_APIS = """
            UNWIND $apis AS name
            MATCH (a:Api {qualifiedName: name})<-[:DOCUMENTS]-(d:Doc)
            WITH name, d ORDER BY d.id
            WITH name, collect(d.id)[..2] AS docs
            RETURN name, docs""";

    /** The APIs named in the task, then those the best documentation hits document, each once, in that order. */
    private static final String API_WALK = """
            WITH $apis + [id IN $docIds | head([(d:Doc {id: id})-[:DOCUMENTS]->(x:Api) | x.qualifiedName])] AS names
            UNWIND range(0, size(names) - 1) AS i
            WITH names[i] AS name, i WHERE name IS NOT NULL AND NOT name IN names[..i]
            MATCH (a:Api {qualifiedName: name})
            CALL (a) { OPTIONAL MATCH (l:Lesson)-[:APPLIES_TO]->(a) WHERE %s RETURN collect(l.id)[..5] AS lessons }
            CALL (a) { OPTIONAL MATCH (f:FailurePattern)-[:INVOLVES]->(a) RETURN collect(f.signature)[..5] AS pitfalls }
            RETURN name, lessons, pitfalls
            ORDER BY i""".formatted(SERVABLE.formatted("l"));

    private static final String LESSONS = """
            UNWIND $ids AS id
            MATCH (l:Lesson {id: id})
            WHERE %s
            OPTIONAL MATCH (l)-[:APPLIES_TO]->(a:Api)
            RETURN l.id AS id, l.text AS text, l.kind AS kind, coalesce(l.trust, 0.5) AS trust, l.status AS status,
                   l.agents AS agents, collect(a.qualifiedName) AS apis, head(collect(a.library)) AS library""".formatted(SERVABLE.formatted("l"));

    private static final String PITFALLS = """
            UNWIND $signatures AS signature
            MATCH (f:FailurePattern {signature: signature})
            CALL (f) { OPTIONAL MATCH (tr:Trace)-[:HIT]->(f) RETURN tr.id AS traceId ORDER BY tr.createdAt DESC LIMIT 1 }
            RETURN f.signature AS signature, f.exceptionType AS type, f.messageShape AS shape, f.api AS api,
                   f.occurrences AS occurrences, traceId""";

    private static final String EXAMPLES = """
            UNWIND $ids AS id
            MATCH (tr:Trace {id: id})-[:ATTEMPTED]->(t:Task)
            RETURN tr.id AS id, tr.attempt AS attempt, t.text AS task, head(coalesce(t.libraries, [])) AS library""";

    private static final String STORE = """
            MERGE (t:Task {hash: $taskHash})
              ON CREATE SET t.id = $taskId, t.text = $taskText, t.codeContext = $codeContext, t.createdAt = datetime(),
                            t.libraries = $libraries
            WITH t
            CALL (t) {
              WITH t WHERE t.embedding IS NULL
              CALL db.create.setNodeVectorProperty(t, 'embedding', $vector)
            }
            CREATE (r:Recommendation {id: $id, text: $text, recipe: $recipe, agentId: $agentId, createdAt: datetime()})
            CREATE (r)-[:FOR]->(t)
            WITH r, t
            CALL (r) { UNWIND $docs AS c MATCH (n:Doc {id: c.ref}) CREATE (r)-[:CITES {rank: c.rank, score: c.score}]->(n) }
            CALL (r) { UNWIND $lessons AS c MATCH (n:Lesson {id: c.ref}) CREATE (r)-[:CITES {rank: c.rank, score: c.score}]->(n) }
            CALL (r) { UNWIND $traces AS c MATCH (n:Trace {id: c.ref}) CREATE (r)-[:CITES {rank: c.rank, score: c.score}]->(n) }
            CALL (r) { UNWIND $pitfalls AS c MATCH (n:FailurePattern {signature: c.ref}) CREATE (r)-[:CITES {rank: c.rank, score: c.score}]->(n) }""";

    private final Graph graph;
    private final TextEmbedder embedder;
    private final DocSearch docs;
    private final RecommendProperties props;
    private final SearchProperties search;
    private final RecommendationSynthesizer synthesizer;
    private final WriteBehind writeBehind;
    private final PythonApiExtractor extractor = new PythonApiExtractor();
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "spark-retrieval");
        t.setDaemon(true);
        return t;
    });

    public RetrievalAgent(Graph graph, TextEmbedder embedder, DocSearch docs, RecommendProperties props,
                          SearchProperties search, RecommendationSynthesizer synthesizer, WriteBehind writeBehind) {
        this.graph = graph;
        this.embedder = embedder;
        this.docs = docs;
        this.props = props;
        this.search = search;
        this.synthesizer = synthesizer;
        this.writeBehind = writeBehind;
    }

    /** Validates the query (errors name the field), retrieves, writes, stores and returns a recommendation. */
    public Recommendation recommend(RecommendQuery query) {
        RecommendQuery q = query.validated();
        Stopwatch clock = new Stopwatch();
        TaskInput task = q.task();
        TaskIntent intent = TaskIntent.analyse(task, extractor);
        clock.lap("intent");
        float[] vector = embedder.embedQuery(task.text());
        clock.lap("embed");

        Recipe recipe = q.recipe();
        int n = props.candidates();
        List<String> spaces = recipe.experience() && q.agentId() != null
                ? graph.query(AGENT_SPACES, Map.of("agentId", q.agentId())).get(0).get("spaces").asList(Value::asString) : List.of();
        var docVector = async(() -> recipe.vector() ? docs.vectorIds(vector, null, n) : List.<String>of());
        boolean lexical = recipe == Recipe.FULLTEXT || recipe.fulltext() && search.fuseFulltext(task.text());
        var docText = async(() -> lexical ? docs.fulltextIds(task.text(), null, n) : List.<String>of());
        var lessonVector = async(() -> recipe.experience() ? ids(LESSONS_BY_VECTOR, Map.of("vector", vector, "fetch", n * 3, "k", 20, "spaces", spaces)) : List.<String>of());
        // the same length gate as documentation: BM25 over long, code-heavy prompts mostly adds noise
        var lessonText = async(() -> recipe.experience() && lexical ? lessonsByText(task.text(), spaces) : List.<String>of());
        var similar = async(() -> recipe.experience() ? graph.query(SIMILAR_TASKS, Map.of("vector", vector, "fetch", 50,
                "k", props.similarTasks(), "minSimilarity", props.minTaskSimilarity())) : List.<Record>of());
        var knownTask = async(() -> ids("MATCH (t:Task {hash: $hash}) RETURN t.id AS id", Map.of("hash", task.hash())));
        CompletableFuture.allOf(docVector, docText, lessonVector, lessonText, similar, knownTask).join();
        clock.lap("candidates");

        Fusion fusion = new Fusion(props.rrfK());
        rank(fusion, ItemKind.DOCUMENTATION, docVector.join(), search.vectorWeight(), "documentation by embedding");
        rank(fusion, ItemKind.DOCUMENTATION, docText.join(), recipe == Recipe.FULLTEXT ? 1.0 : search.fulltextWeight(),
                "documentation by full text");
        rank(fusion, ItemKind.LESSON, lessonVector.join(), props.lessonWeight(), "lesson by embedding");
        rank(fusion, ItemKind.LESSON, lessonText.join(), props.lessonWeight() * 0.5, "lesson by full text");
        Map<String, Set<String>> traceApis = new HashMap<>();
        if (recipe.experience()) {
            walk(fusion, intent, similar.join(), docVector.join(), traceApis, spaces);
        }
        clock.lap("graph");

        List<Fusion.Candidate> ranked = fusion.ranked();
        List<RecommendationItem> items = items(ranked, q.k(), traceApis, recipe.experience() ? intent : TaskIntent.NONE, spaces);
        clock.lap("fusion");
        String text = synthesizer.write(task, items);
        clock.lap("synthesis");
        String id = "rec-" + UUID.randomUUID();
        String taskId = knownTask.join().stream().findFirst().orElse("task-" + UUID.randomUUID());
        store(id, taskId, task, vector, text, recipe, q.agentId(), items);
        clock.lap("store");
        return new Recommendation(id, taskId, text, recipe, items, clock.laps());
    }

    private void walk(Fusion fusion, TaskIntent intent, List<Record> similarTasks, List<String> docIds,
                      Map<String, Set<String>> traceApis, List<String> spaces) {
        List<Map<String, Object>> tasks = similarTasks.stream()
                .map(r -> Map.<String, Object>of("id", r.get("id").asString(), "score", r.get("score").asDouble())).toList();
        // The two walks are independent: run them side by side, then vote in a fixed order.
        var apiWalk = async(() -> graph.query(API_WALK, Map.of("apis", intent.apis(), "docIds", docIds.stream().limit(5).toList(), "spaces", spaces)));
        List<Record> traces = tasks.isEmpty() ? List.of() : graph.query(TRACES_OF_TASKS, Map.of("tasks", tasks, "spaces", spaces));

        // similar task -> its traces: successful code is a worked example; its APIs' documentation and its lessons
        // follow; failures give pitfalls
        Map<String, Double> experienceApis = new LinkedHashMap<>();
        int example = 0;
        int pitfall = 0;
        int lesson = 0;
        for (Record r : traces) {
            double similarity = r.get("similarity").asDouble();
            String traceId = r.get("traceId").asString();
            String why = String.format("similar task (similarity %.2f)", similarity);
            List<String> apis = r.get("apis").asList(Value::asString);
            traceApis.put(traceId, new LinkedHashSet<>(apis));
            if ("SUCCESS".equals(r.get("outcome").asString())) {
                fusion.vote(ItemKind.EXAMPLE, traceId, ++example, props.exampleWeight() * similarity, why + " → successful trace");
                apis.forEach(api -> experienceApis.merge(api, similarity, Math::max));
            } else {
                for (String signature : r.get("failures").asList(Value::asString)) {
                    fusion.vote(ItemKind.PITFALL, signature, ++pitfall, props.pitfallWeight() * similarity, why + " → failed trace");
                }
            }
            for (String lessonId : r.get("lessons").asList(Value::asString)) {
                fusion.vote(ItemKind.LESSON, lessonId, ++lesson, props.lessonWeight() * similarity, why + " → lesson learned from its trace");
            }
        }
        if (!experienceApis.isEmpty()) {
            int rank = 0;
            for (Record r : graph.query(DOCS_OF_APIS, Map.of("apis", List.copyOf(experienceApis.keySet())))) {
                String api = r.get("name").asString();
                double weight = props.experienceDocWeight() * experienceApis.get(api);
                rank++;
                for (String docId : r.get("docs").asList(Value::asString)) {
                    fusion.vote(ItemKind.DOCUMENTATION, docId, rank, weight, "API " + api + " used by a successful similar trace");
                }
            }
        }
        // API -> lessons and pitfalls, for the APIs the task names and those of the best documentation
        int rank = 0;
        for (Record r : apiWalk.join()) {
            String api = r.get("name").asString();
            rank++;
            boolean named = intent.apis().contains(api);
            String why = named ? "API " + api + " named in the task" : "API " + api + " of matching documentation";
            double weight = named ? props.namedApiWeight() : props.apiWalkWeight();
            for (String lessonId : r.get("lessons").asList(Value::asString)) {
                fusion.vote(ItemKind.LESSON, lessonId, rank, weight, why + " → lesson");
            }
            for (String signature : r.get("pitfalls").asList(Value::asString)) {
                fusion.vote(ItemKind.PITFALL, signature, rank, weight, why + " → known failure");
            }
        }
    }

    private List<RecommendationItem> items(List<Fusion.Candidate> ranked, int k, Map<String, Set<String>> traceApis,
                                           TaskIntent intent, List<String> spaces) {
        List<Fusion.Candidate> top = ranked.subList(0, Math.min(ranked.size(), k * 2));
        var docFuture = async(() -> docs.documents(refs(top, ItemKind.DOCUMENTATION)));
        var lessonFuture = async(() -> hydrate(LESSONS, "ids", refs(top, ItemKind.LESSON), "id", Map.of("spaces", spaces)));
        var pitfallFuture = async(() -> hydrate(PITFALLS, "signatures", refs(top, ItemKind.PITFALL), "signature", Map.of()));
        var exampleFuture = async(() -> hydrate(EXAMPLES, "ids", refs(top, ItemKind.EXAMPLE), "id", Map.of()));
        Map<String, DocHit> docHits = docFuture.join();
        Map<String, Record> lessons = lessonFuture.join();
        Map<String, Record> pitfalls = pitfallFuture.join();
        Map<String, Record> examples = exampleFuture.join();
        // lesson quality: its trust (a Beta posterior over ratings and outcomes, kept by curation) scaled to 0.5-1.5,
        // halved for candidates; documentation of a library the task is about counts a little more than that of another
        for (Fusion.Candidate c : top) {
            Record l = lessons.get(c.ref);
            if (c.kind == ItemKind.LESSON && l != null) {
                c.score *= (0.5 + l.get("trust").asDouble(0.5)) * ("ACTIVE".equals(l.get("status").asString()) ? 1.0 : CANDIDATE_WEIGHT);
            }
            DocHit d = docHits.get(c.ref);
            if (c.kind == ItemKind.DOCUMENTATION && d != null && intent.concerns(d.library())) {
                c.score *= props.intentLibraryBoost();
            }
        }
        List<Fusion.Candidate> ordered = new ArrayList<>(top);
        ordered.sort((a, b) -> Double.compare(b.score, a.score));
        List<RecommendationItem> items = new ArrayList<>();
        for (Fusion.Candidate c : ordered) {
            RecommendationItem item = switch (c.kind) {
                case DOCUMENTATION -> {
                    DocHit d = docHits.get(c.ref);
                    yield d == null ? null : new RecommendationItem(c.kind, c.ref, d.title(), d.text(), d.source(), d.docId(),
                            d.library(), d.api() == null ? List.of() : List.of(d.api()), c.score, c.why, true);
                }
                case LESSON -> {
                    Record l = lessons.get(c.ref);
                    yield l == null ? null : new RecommendationItem(c.kind, c.ref, "Lesson (" + l.get("kind").asString("agent") + ")",
                            l.get("text").asString(), "lesson:" + c.ref, null, l.get("library").asString(null),
                            l.get("apis").asList(Value::asString), c.score, c.why, "ACTIVE".equals(l.get("status").asString()));
                }
                case PITFALL -> {
                    Record p = pitfalls.get(c.ref);
                    yield p == null ? null : new RecommendationItem(c.kind, c.ref, p.get("type").asString() + " " + p.get("shape").asString()
                            + (p.get("api").isNull() ? "" : " with " + p.get("api").asString()),
                            "Agents hit " + c.ref + " (" + p.get("occurrences").asLong(1) + " time(s)).",
                            p.get("traceId").isNull() ? "failure:" + c.ref : "trace:" + p.get("traceId").asString(), null,
                            null, p.get("api").isNull() ? List.of() : List.of(p.get("api").asString()), c.score, c.why, true);
                }
                case EXAMPLE -> {
                    Record e = examples.get(c.ref);
                    yield e == null ? null : new RecommendationItem(c.kind, c.ref, "Worked example: " + Snippets.firstLine(e.get("task").asString(), 120),
                            e.get("attempt").asString(), "trace:" + c.ref, null, e.get("library").asString(null),
                            List.copyOf(traceApis.getOrDefault(c.ref, Set.of())), c.score, c.why, true);
                }
            };
            if (item != null && items.size() < k) {
                items.add(item);
            }
        }
        return items;
    }

    /**
     * Stores the recommendation behind the response: the agent does not wait for the commit, and a rating that
     * arrives for it first waits for {@link WriteBehind#flush()} (see TraceRecorder).
     */
    private void store(String id, String taskId, TaskInput task, float[] vector, String text, Recipe recipe, String agentId,
                       List<RecommendationItem> items) {
        Map<ItemKind, List<Map<String, Object>>> cites = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            RecommendationItem item = items.get(i);
            cites.computeIfAbsent(item.kind(), k -> new ArrayList<>())
                    .add(Map.of("ref", item.ref(), "rank", i + 1, "score", item.score()));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("taskHash", task.hash());
        params.put("taskId", taskId);
        params.put("taskText", task.text());
        params.put("codeContext", task.codeContext());
        params.put("libraries", task.libraries());
        params.put("vector", vector);
        params.put("text", text);
        params.put("recipe", recipe.name());
        params.put("agentId", agentId);
        params.put("docs", cites.getOrDefault(ItemKind.DOCUMENTATION, List.of()));
        params.put("lessons", cites.getOrDefault(ItemKind.LESSON, List.of()));
        params.put("traces", cites.getOrDefault(ItemKind.EXAMPLE, List.of()));
        params.put("pitfalls", cites.getOrDefault(ItemKind.PITFALL, List.of()));
        writeBehind.submit("recommendation " + id, tx -> tx.run(STORE, params).consume());
    }

    private List<String> lessonsByText(String text, List<String> spaces) {
        return FullText.query(text).map(q -> ids(LESSONS_BY_TEXT, Map.of("query", q, "fetch", 60, "k", 20, "spaces", spaces))).orElse(List.of());
    }

    private List<String> ids(String cypher, Map<String, Object> params) {
        return graph.query(cypher, params).stream().map(r -> r.get("id").asString()).toList();
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool);
    }

    private static void rank(Fusion fusion, ItemKind kind, List<String> ids, double weight, String why) {
        for (int i = 0; i < ids.size(); i++) {
            fusion.vote(kind, ids.get(i), i + 1, weight, why + " #" + (i + 1));
        }
    }

    private static List<String> refs(List<Fusion.Candidate> candidates, ItemKind kind) {
        return candidates.stream().filter(c -> c.kind == kind).map(c -> c.ref).toList();
    }

    /** Runs a hydration query keyed by {@code key}; no query at all when there is nothing to hydrate. */
    private Map<String, Record> hydrate(String cypher, String parameter, List<String> refs, String key, Map<String, Object> more) {
        Map<String, Record> map = new HashMap<>();
        if (!refs.isEmpty()) {
            Map<String, Object> params = new HashMap<>(more);
            params.put(parameter, refs);
            graph.query(cypher, params).forEach(r -> map.put(r.get(key).asString(), r));
        }
        return map;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Wall time of each pipeline stage, in microseconds, in order. */
    private static final class Stopwatch {
        private final Map<String, Long> laps = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            laps.put(stage, (now - last) / 1_000);
            last = now;
        }

        Map<String, Long> laps() {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(laps));
        }
    }
}
