package dev.spark.recommend.internal;

import dev.spark.graph.Graph;
import dev.spark.graph.OneParameter;
import dev.spark.knowledge.DocHit;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement of the retrieval agent: candidate lookups in the lesson and task indexes, the walks
 * from similar tasks and from APIs, the hydration of the items shown, and storing recommendations. Candidate
 * rows carry what ranking needs (a lesson's trust and whether it is verified), so ranking every candidate costs
 * no extra round trip.
 *
 * <p>Lessons belong to curation; every lesson read here passes the serving rule {@link #SERVABLE}.
 */
// a plain component, not @Repository: exception translation would hide the driver's transient exceptions, on which
// Graph's managed transactions retry
@Component
public class RecommendRepository {

    /**
     * Whether a lesson or trace belongs to the asking caller's space or commons ({@code $visible}); a null
     * {@code $visible} (no space known: auth off and none named) sees every space. {@code %1$s} is the node's variable.
     */
    private static final String VISIBLE = "($visible IS NULL OR coalesce(%1$s.space, 'commons') IN $visible)";

    /**
     * Which lessons may be served: active ones, and candidates of the asking agent's spaces ({@code $spaces};
     * ranked lower and shown unverified); never quarantined, retired, merged duplicates or lessons held back by a
     * contradiction. {@code %1$s} is the lesson's variable.
     */
    private static final String SERVABLE = "(%1$s.status = 'ACTIVE' OR %1$s.status = 'CANDIDATE' AND %1$s.space IN $spaces)"
            + " AND NOT coalesce(%1$s.contested, false) AND " + VISIBLE.formatted("%1$s");

    /**
     * What ranking needs of a lesson candidate (a lesson without trust yet counts as undecided, 0.5) and what its item
     * shows: its text, kind and the APIs it applies to with their libraries (the item's library is the first known
     * one). Read where the lesson is found, through the serving rule of that statement, so that showing it needs no
     * second read.
     */
    private static final String STANDING = """
            %1$s {.id, .text, .kind, trust: coalesce(%1$s.trust, 0.5), verified: %1$s.status = 'ACTIVE',
                  apis: [(%1$s)-[:APPLIES_TO]->(servedApi:Api) | servedApi {.qualifiedName, .library}]}""";

    /**
     * The APIs node {@code %1$s} points at by relationship type {@code %2$s}, as {@code apis}: each with at most two of
     * the chunks that document it, by id. Read in the statement that finds the node, so that votes for the APIs'
     * documentation cost no further round trip.
     */
    private static final String APIS_WITH_DOCUMENTATION = """
            CALL (%1$s) {
              MATCH (%1$s)-[:%2$s]->(a:Api)
              CALL (a) {
                OPTIONAL MATCH (a)<-[:DOCUMENTS]-(d:Doc)
                WITH d ORDER BY d.id
                RETURN collect(d {.id, .library, .docId, .api})[..2] AS docs
              }
              RETURN collect({name: a.qualifiedName, docs: docs}) AS apis
            }
            """;

    /**
     * What a pitfall's item shows of failure pattern {@code %1$s}: its shape and, per space it was seen in (those of
     * {@code $visible}; every space for null), how many traces hit it and which did last. Kept on {@code SEEN_IN} edges
     * by recordTrace and forgetting, so the rows of a pattern hit by hundreds of traces cost two property reads a space.
     */
    private static final String PITFALL = """
            %1$s {.signature, .exceptionType, .messageShape, .api, .occurrences,
                  seen: [(%1$s)-[seenIn:SEEN_IN]->(seenSpace:Space) WHERE $visible IS NULL OR seenSpace.id IN $visible
                         | seenIn {.occurrences, .lastTraceId, .lastAt}]}""";

    /**
     * The content of the documentation that experience votes for, each chunk once: {@code %1$s} is a list of maps whose
     * {@code apis} hold the chunks ({@code docs}), {@code %2$s} a condition on one such map. Read in the statement that
     * finds the experience, so that showing that documentation needs no read after ranking.
     */
    private static final String DOCUMENTS_OF = """
            CALL (%1$s) {
              UNWIND %1$s AS found
              WITH found WHERE %2$s
              UNWIND found.apis AS api
              UNWIND api.docs AS doc
              WITH DISTINCT doc.id AS id
              MATCH (d:Doc {id: id})
              RETURN collect(d {.id, .docId, .title, .text, .api, .library, .version, .source}) AS documents
            }
            """;

    /**
     * Each lesson comes with the APIs it applies to and their documentation (with its content, once per chunk, when
     * {@code $documents}: the lessons vote for it).
     */
    private static final String LESSONS_BY_VECTOR = """
            CALL db.index.vector.queryNodes('lesson_embedding', $fetch, $vector) YIELD node, score
            WHERE %s
            WITH node, score
            LIMIT $k
            %s
            WITH collect({lesson: %s, similarity: 2 * score - 1, apis: apis}) AS lessons
            %s
            RETURN lessons, documents""".formatted(SERVABLE.formatted("node"),
            APIS_WITH_DOCUMENTATION.formatted("node", "APPLIES_TO"), STANDING.formatted("node"),
            DOCUMENTS_OF.formatted("lessons", "$documents"));

    private static final String LESSONS_BY_TEXT = """
            CALL db.index.fulltext.queryNodes('lesson_fulltext', $query, {limit: $fetch}) YIELD node, score
            WHERE %s
            RETURN %s AS lesson
            LIMIT $k""".formatted(SERVABLE.formatted("node"), STANDING.formatted("node"));

    /**
     * Tasks similar to the query (only tasks somebody attempted carry experience; tasks that were merely asked about
     * are skipped) and their traces: the APIs each used, with their documentation,
     * the failures it hit and the servable lessons learned from it; and once, the content of the documentation of the
     * APIs the successful ones used. One statement, so the path costs one round trip.
     */
    private static final String TRACES_OF_SIMILAR_TASKS = """
            CALL db.index.vector.queryNodes('task_embedding', $fetch, $vector) YIELD node, score
            WHERE score >= $minSimilarity AND EXISTS { (node)<-[:ATTEMPTED]-(tr:Trace) WHERE %1$s }
            WITH node AS t, score
            LIMIT $k
            MATCH (t)<-[:ATTEMPTED]-(tr:Trace)
            WHERE %1$s
            %4$s
            CALL (tr) { OPTIONAL MATCH (tr)-[:HIT]->(f:FailurePattern) RETURN collect(%5$s) AS failures }
            CALL (tr) {
              // a merged duplicate stands for its canonical lesson
              OPTIONAL MATCH (d:Lesson)-[:LEARNED_FROM]->(tr)
              OPTIONAL MATCH (d)-[:MERGED_INTO]->(c:Lesson)
              WITH DISTINCT coalesce(c, d) AS l
              WITH l WHERE l IS NOT NULL AND %2$s
              RETURN collect(%3$s) AS lessons
            }
            WITH t, score, tr, apis, failures, lessons
            ORDER BY score DESC, tr.createdAt DESC
            LIMIT 50
            WITH collect({taskId: t.id, similarity: score, traceId: tr.id, outcome: tr.outcome, apis: apis, failures: failures,
                   lessons: lessons,
                   // a successful trace is a worked example: what its item shows; its library is the one the task names,
                   // else that of the first known API its code used
                   example: CASE WHEN tr.outcome = 'SUCCESS' THEN {attempt: tr.attempt, task: t.text,
                        library: coalesce(head(t.libraries), head([(tr)-[:USED]->(u:Api) WHERE u.library IS NOT NULL | u.library]))}
                   END}) AS traces
            %6$s
            RETURN traces, documents""".formatted(VISIBLE.formatted("tr"), SERVABLE.formatted("l"), STANDING.formatted("l"),
            APIS_WITH_DOCUMENTATION.formatted("tr", "USED"), PITFALL.formatted("f"),
            DOCUMENTS_OF.formatted("traces", "found.outcome = 'SUCCESS'"));

    /** The APIs named in the task, then those the best documentation hits document, each once, in that order. */
    private static final String API_WALK = """
            WITH $apis + [id IN $docIds | head([(d:Doc {id: id})-[:DOCUMENTS]->(x:Api) | x.qualifiedName])] AS names
            UNWIND range(0, size(names) - 1) AS i
            WITH names[i] AS name, i WHERE name IS NOT NULL AND NOT name IN names[..i]
            MATCH (a:Api {qualifiedName: name})
            CALL (a) {
              OPTIONAL MATCH (l:Lesson)-[:APPLIES_TO]->(a) WHERE %s
              WITH l LIMIT 5
              RETURN collect(%s) AS lessons
            }
            CALL (a) {
              // a failure pattern is experience of the spaces whose traces hit it
              OPTIONAL MATCH (f:FailurePattern)-[:INVOLVES]->(a)
              WHERE $visible IS NULL OR EXISTS { (f)-[:SEEN_IN]->(s:Space) WHERE s.id IN $visible }
              WITH f LIMIT 5
              RETURN collect(%s) AS pitfalls
            }
            RETURN name, lessons, pitfalls
            ORDER BY i""".formatted(SERVABLE.formatted("l"), STANDING.formatted("l"), PITFALL.formatted("f"));

    /** The spaces an agent has recorded traces in: their candidate lessons are served to it. */
    private static final String AGENT_SPACES = """
            MATCH (:Agent {id: $agentId})-[:RECORDED]->(tr:Trace)
            RETURN collect(DISTINCT tr.space) AS spaces""";

    /** The task node is written by its owner (TaskCatalog) in the same transaction, just before. */
    private static final String STORE = """
            MATCH (t:Task {id: $taskId})
            CREATE (r:Recommendation {id: $id, text: $text, recipe: $recipe, agentId: $agentId, createdAt: datetime()})
            CREATE (r)-[:FOR]->(t)
            WITH r
            CALL (r) { UNWIND $docs AS c MATCH (n:Doc {id: c.ref}) CREATE (r)-[:CITES {rank: c.rank, score: c.score}]->(n) }
            CALL (r) { UNWIND $lessons AS c MATCH (n:Lesson {id: c.ref}) CREATE (r)-[:CITES {rank: c.rank, score: c.score}]->(n) }
            CALL (r) { UNWIND $traces AS c MATCH (n:Trace {id: c.ref}) CREATE (r)-[:CITES {rank: c.rank, score: c.score}]->(n) }
            CALL (r) { UNWIND $pitfalls AS c MATCH (n:FailurePattern {signature: c.ref}) CREATE (r)-[:CITES {rank: c.rank, score: c.score}]->(n) }""";
    /** Citations come in lists of every size: one map parameter keeps one cached plan (see OneParameter). */
    private static final String STORE_P = OneParameter.statement(STORE);


    private static final String FORGET_BATCH = """
            MATCH (r:Recommendation)
            WITH r LIMIT $batch
            DETACH DELETE r
            RETURN count(*) AS deleted""";

    /**
     * Recommendations that quote forgotten content: made for a forgotten task, or citing a forgotten trace (its code),
     * a lesson whose text is removed or re-derived, or a forgotten failure pattern. Returns the tasks they were for.
     */
    private static final String FORGET_RELATED = """
            CALL () {
              MATCH (r:Recommendation)-[:FOR]->(t:Task) WHERE t.id IN $tasks RETURN r
              UNION
              MATCH (r:Recommendation)-[:CITES]->(t:Trace) WHERE t.id IN $traces RETURN r
              UNION
              MATCH (r:Recommendation)-[:CITES]->(l:Lesson) WHERE l.id IN $lessons RETURN r
              UNION
              MATCH (r:Recommendation)-[:CITES]->(f:FailurePattern) WHERE f.signature IN $patterns RETURN r
            }
            OPTIONAL MATCH (r)-[:FOR]->(t:Task)
            WITH collect(DISTINCT r) AS recommendations, collect(DISTINCT t.id) AS tasks
            FOREACH (r IN recommendations | DETACH DELETE r)
            RETURN size(recommendations) AS deleted, tasks""";

    private static final String FORGET_OF_AGENT = """
            MATCH (r:Recommendation {agentId: $agentId})
            WITH r LIMIT $limit
            OPTIONAL MATCH (r)-[:FOR]->(t:Task)
            WITH collect(DISTINCT r) AS recommendations, collect(DISTINCT t.id) AS tasks
            FOREACH (r IN recommendations | DETACH DELETE r)
            RETURN size(recommendations) AS deleted, tasks""";

    /** Recommendations deleted, and the tasks they were made for. */
    public record Forgotten(long deleted, List<String> tasks) {
    }

    public Forgotten forgetRelated(TransactionContext tx, List<String> tasks, List<String> traces, List<String> lessons,
                                   List<String> patterns) {
        Record r = tx.run(FORGET_RELATED, Map.of("tasks", tasks, "traces", traces, "lessons", lessons, "patterns", patterns)).single();
        return new Forgotten(r.get("deleted").asLong(), r.get("tasks").asList(Value::asString));
    }

    public Forgotten forgetOfAgent(TransactionContext tx, String agentId, int limit) {
        Record r = tx.run(FORGET_OF_AGENT, Map.of("agentId", agentId, "limit", limit)).single();
        return new Forgotten(r.get("deleted").asLong(), r.get("tasks").asList(Value::asString));
    }

    /**
     * A lesson candidate as ranking sees it: its trust (curation's estimate from ratings and outcomes, 0-1) and
     * whether it is verified (active) rather than a candidate served within its space; and what its item shows.
     */
    public record LessonStanding(String id, double trust, boolean verified, LessonRow shown) {
    }

    /**
     * A lesson found by embedding; {@code similarity} is the cosine (the index's score is (1 + cosine) / 2); the APIs it
     * applies to, each with its documentation.
     */
    public record SimilarLesson(LessonStanding lesson, double similarity, List<ApiDocumentation> apis) {
    }

    /**
     * A trace of a similar task, with the APIs it used (each with its documentation), the failures it hit, the
     * servable lessons learned from it and, for a successful trace, the worked example it shows (null otherwise).
     */
    public record TraceOfTask(String traceId, double similarity, String outcome, List<ApiDocumentation> apis, List<PitfallRow> failures,
                              List<LessonStanding> lessons, ExampleRow example) {
    }

    /** Documentation of an API: at most two chunks, by id. */
    public record ApiDocumentation(String api, List<DocRef> docs) {
    }

    /** A documentation chunk: its id, library, page ({@code docId}) and the API it documents. */
    public record DocRef(String id, String library, String page, String api) {
    }

    /** An API with (at most five of) the servable lessons that apply to it and the failure patterns that involve it. */
    public record ApiNeighbourhood(String api, List<LessonStanding> lessons, List<PitfallRow> pitfalls) {
    }

    /** What a path found, and the content of the documentation it votes for, each chunk once. */
    public record WithDocuments<T>(List<T> found, List<DocHit> documents) {
    }

    public record LessonRow(String id, String text, String kind, boolean verified, List<String> apis, String library) {
    }

    /**
     * A failure pattern as its pitfall item shows it: how many traces of the caller's visible spaces hit it (all
     * occurrences when every space is visible) and the latest of them.
     */
    public record PitfallRow(String signature, String exceptionType, String messageShape, String api, long occurrences,
                             String lastTraceId) {
    }

    /** A worked example: a successful trace's code, its task, library and the APIs its code used, each once. */
    public record ExampleRow(String traceId, String attempt, String task, String library, List<String> apis) {
    }

    /** One cited item: the node's id (a failure pattern's signature), its rank among the items and its score. */
    public record Citation(String ref, int rank, double score) {
    }

    /** A recommendation as stored, its citations grouped by the label of the cited node. */
    public record StoredRecommendation(String id, String taskId, String text, String recipe, String agentId, List<Citation> docs,
                                       List<Citation> lessons, List<Citation> traces, List<Citation> pitfalls) {
    }

    private final Graph graph;

    public RecommendRepository(Graph graph) {
        this.graph = graph;
    }

    /** The spaces the agent has recorded traces in; none for an unknown agent. */
    public List<String> agentSpaces(String agentId) {
        return graph.query(AGENT_SPACES, Map.of("agentId", agentId)).get(0).get("spaces").asList(Value::asString);
    }

    /**
     * Servable lessons nearest to the query vector; {@code fetch} over-fetches for the serving filter, {@code spaces}
     * are those whose candidate lessons may be served; each comes with its cosine similarity.
     */
    public WithDocuments<SimilarLesson> lessonsByVector(float[] vector, int fetch, int k, List<String> spaces, List<String> visible,
                                                        boolean withDocuments) {
        Record r = graph.query(LESSONS_BY_VECTOR, params("vector", vector, "fetch", fetched(fetch, visible), "k", k, "spaces", spaces,
                "visible", visible, "documents", withDocuments)).get(0);
        return new WithDocuments<>(r.get("lessons").asList(l -> new SimilarLesson(standing(l.get("lesson")), l.get("similarity").asDouble(),
                l.get("apis").asList(RecommendRepository::apiDocumentation))), documents(r));
    }

    /** Servable lessons by BM25 for a Lucene query (see FullText). */
    public List<LessonStanding> lessonsByText(String luceneQuery, int fetch, int k, List<String> spaces, List<String> visible) {
        return graph.query(LESSONS_BY_TEXT, params("query", luceneQuery, "fetch", fetched(fetch, visible), "k", k, "spaces", spaces,
                        "visible", visible)).stream()
                .map(r -> standing(r.get("lesson"))).toList();
    }

    /**
     * The traces of the {@code k} tasks most similar to the vector (at least {@code minSimilarity} by the index's score,
     * among {@code fetch} fetched), most similar task first, newest trace first; at most 50.
     */
    public WithDocuments<TraceOfTask> tracesOfSimilarTasks(float[] vector, int fetch, int k, double minSimilarity, List<String> spaces,
                                                           List<String> visible) {
        Record r = graph.query(TRACES_OF_SIMILAR_TASKS, params("vector", vector, "fetch", fetched(fetch, visible), "k", k,
                "minSimilarity", minSimilarity, "spaces", spaces, "visible", visible)).get(0);
        return new WithDocuments<>(r.get("traces").asList(t -> traceOfTask(t, visible)), documents(r));
    }

    private static TraceOfTask traceOfTask(Value r, List<String> visible) {
        String traceId = r.get("traceId").asString();
        List<ApiDocumentation> apis = r.get("apis").asList(RecommendRepository::apiDocumentation);
        Value example = r.get("example");
        ExampleRow row = example.isNull() ? null : new ExampleRow(traceId, example.get("attempt").asString(), example.get("task").asString(),
                example.get("library").asString(null), apis.stream().map(ApiDocumentation::api).distinct().toList());
        return new TraceOfTask(traceId, r.get("similarity").asDouble(), r.get("outcome").asString(), apis,
                r.get("failures").asList(f -> pitfall(f, visible)), r.get("lessons").asList(RecommendRepository::standing), row);
    }

    /** The documentation content a statement read with {@link #DOCUMENTS_OF}. */
    private static List<DocHit> documents(Record r) {
        return r.get("documents").asList(d -> new DocHit(d.get("id").asString(), d.get("docId").asString(null), d.get("title").asString(null),
                d.get("text").asString(null), d.get("api").asString(null), d.get("library").asString(null), d.get("version").asString(null),
                d.get("source").asString(null), 0, 0, 0));
    }

    /**
     * A pitfall row from {@link #PITFALL}: counted within the visible spaces (every occurrence when all are visible), its
     * last trace the newest of those spaces' last traces.
     */
    private static PitfallRow pitfall(Value f, List<String> visible) {
        long occurrences = 0;
        String lastTraceId = null;
        ZonedDateTime lastAt = null;
        for (Value seen : f.get("seen").values()) {
            occurrences += seen.get("occurrences").asLong(0);
            ZonedDateTime at = seen.get("lastAt").isNull() ? null : seen.get("lastAt").asZonedDateTime();
            if (lastTraceId == null || at != null && (lastAt == null || at.isAfter(lastAt))) {
                lastTraceId = seen.get("lastTraceId").asString(null);
                lastAt = at;
            }
        }
        if (visible == null) {
            occurrences = f.get("occurrences").asLong(occurrences);
        }
        return new PitfallRow(f.get("signature").asString(), f.get("exceptionType").asString(null), f.get("messageShape").asString(null),
                f.get("api").asString(null), Math.max(1, occurrences), lastTraceId);
    }

    private static ApiDocumentation apiDocumentation(org.neo4j.driver.types.MapAccessor r) {
        return new ApiDocumentation(r.get("name").asString(), r.get("docs").asList(d -> new DocRef(d.get("id").asString(),
                d.get("library").asString(null), d.get("docId").asString(null), d.get("api").asString(null))));
    }

    /** The neighbourhoods of the named APIs, then of the APIs the given documentation documents, in that order. */
    public List<ApiNeighbourhood> apiWalk(List<String> apis, List<String> docIds, List<String> spaces, List<String> visible) {
        if (apis.isEmpty() && docIds.isEmpty()) {
            return List.of();
        }
        return graph.query(API_WALK, params("apis", apis, "docIds", docIds, "spaces", spaces, "visible", visible)).stream()
                .map(r -> new ApiNeighbourhood(r.get("name").asString(), r.get("lessons").asList(RecommendRepository::standing),
                        r.get("pitfalls").asList(f -> pitfall(f, visible))))
                .toList();
    }

    /** Stores the recommendation in the caller's transaction; its task must exist by then. */
    public void store(TransactionContext tx, StoredRecommendation recommendation) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", recommendation.id());
        params.put("taskId", recommendation.taskId());
        params.put("text", recommendation.text());
        params.put("recipe", recommendation.recipe());
        params.put("agentId", recommendation.agentId());
        params.put("docs", citations(recommendation.docs()));
        params.put("lessons", citations(recommendation.lessons()));
        params.put("traces", citations(recommendation.traces()));
        params.put("pitfalls", citations(recommendation.pitfalls()));
        tx.run(STORE_P, OneParameter.values(params)).consume();
    }

    /** Deletes up to {@code batch} recommendations in one transaction; returns how many. */
    public long forgetBatch(int batch) {
        return graph.write(tx -> tx.run(FORGET_BATCH, Map.of("batch", batch)).single().get("deleted").asLong());
    }

    /** Map.of refuses nulls, and a null {@code visible} means every space. */
    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return params;
    }

    /**
     * The index filters only after its k-NN fetch, and a space keeps a fraction of what the index holds: a scoped
     * query fetches more, so that k items of the space remain.
     */
    private static int fetched(int fetch, List<String> visible) {
        return visible == null ? fetch : Math.min(fetch * SCOPED_OVERFETCH, MAX_FETCH);
    }

    private static final int SCOPED_OVERFETCH = 4;
    private static final int MAX_FETCH = 1_000;

    private static List<Map<String, Object>> citations(List<Citation> citations) {
        return citations.stream().map(c -> Map.<String, Object>of("ref", c.ref(), "rank", c.rank(), "score", c.score())).toList();
    }

    private static LessonStanding standing(Value v) {
        String id = v.get("id").asString();
        boolean verified = v.get("verified").asBoolean();
        List<Value> apis = v.get("apis").asList(a -> a);
        String library = apis.stream().map(a -> a.get("library").asString(null)).filter(Objects::nonNull).findFirst().orElse(null);
        return new LessonStanding(id, v.get("trust").asDouble(), verified, new LessonRow(id, v.get("text").asString(), v.get("kind").asString(null),
                verified, apis.stream().map(a -> a.get("qualifiedName").asString()).toList(), library));
    }
}
