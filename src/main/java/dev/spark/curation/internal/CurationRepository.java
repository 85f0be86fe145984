package dev.spark.curation.internal;

import dev.spark.curation.CurationRunView;
import dev.spark.curation.LessonSummary;
import dev.spark.curation.LessonView;
import dev.spark.curation.MergeSuggestionView;
import dev.spark.graph.Graph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement of curation, parameterised. Curation is the only module that creates or changes
 * Lesson, LessonCluster, CurationRun and CurationLease nodes; it reads traces, tasks, APIs and documentation.
 * Methods taking a {@link TransactionContext} run in the caller's transaction (one per trace); the nearest lessons of a
 * batch's candidates are read together before those transactions ({@link #nearestAll}).
 */
@Component
public class CurationRepository {

    /** Statuses of canonical lessons that can still absorb duplicates and collect evidence. */
    static final List<String> LIVE = List.of("CANDIDATE", "ACTIVE");

    // ---- lease -------------------------------------------------------------------------------------------------

    /** Takes the node's write lock first, so that the holder read next is the committed one. */
    private static final String LOCK_LEASE = """
            MERGE (l:CurationLease {name: $name})
            SET l.lockedAt = datetime()
            RETURN l.holder AS holder, toString(l.expiresAt) AS expiresAt,
                   l.holder IS NULL OR l.expiresAt IS NULL OR l.expiresAt < datetime() OR l.holder = $holder AS free""";

    private static final String TAKE_LEASE = """
            MATCH (l:CurationLease {name: $name})
            SET l.holder = $holder, l.takenAt = datetime(), l.expiresAt = datetime() + duration({seconds: $ttl})""";

    private static final String RENEW_LEASE = """
            MATCH (l:CurationLease {name: $name})
            WHERE l.holder = $holder
            SET l.expiresAt = datetime() + duration({seconds: $ttl})
            RETURN count(l) AS renewed""";

    private static final String RELEASE_LEASE = """
            MATCH (l:CurationLease {name: $name})
            WHERE l.holder = $holder
            SET l.holder = null, l.expiresAt = null, l.releasedAt = datetime()""";

    // ---- runs and decisions --------------------------------------------------------------------------------------

    /** Everything curation owns, a batch at a time; the lease goes too, so use it only when no run is active. */
    private static final String FORGET_BATCH = """
            MATCH (n) WHERE n:Lesson OR n:LessonCluster OR n:CurationRun OR n:CurationLease
            WITH n LIMIT $batch
            DETACH DELETE n
            RETURN count(*) AS deleted""";

    private static final String START_RUN = """
            CREATE (r:CurationRun {id: $id, trigger: $trigger, holder: $holder, status: 'RUNNING', startedAt: datetime()})""";

    private static final String FINISH_RUN = """
            MATCH (r:CurationRun {id: $id})
            SET r.finishedAt = datetime(), r.status = $status, r.error = $error, r += $counts""";

    private static final String DECIDE = """
            MATCH (r:CurationRun {id: $runId})
            UNWIND $decisions AS d
            MATCH (l:Lesson {id: d.lesson})
            CREATE (r)-[:DECIDED {action: d.action, reason: d.reason, at: datetime()}]->(l)""";

    // ---- extraction ------------------------------------------------------------------------------------------------

    /**
     * Failed attempts before each successful one: on the same task, or on a task whose embedding is close enough.
     * The same agent's failures come first, then the most similar task, then the most recent failure.
     */
    private static final String EARLIER_FAILURES = """
            UNWIND $rows AS row
            MATCH (s:Trace {id: row.traceId})-[:ATTEMPTED]->(task:Task)
            MATCH (s)<-[:RECORDED]-(me:Agent)
            CALL (s, task, me, row) {
              CALL (s, task, row) {
                MATCH (f:Trace {outcome: 'FAILURE'})-[:ATTEMPTED]->(task)
                WHERE f.createdAt < s.createdAt
                RETURN f, 1.0 AS similarity
                UNION
                WITH s, task, row
                CALL db.index.vector.queryNodes('task_embedding', 50, row.vector) YIELD node, score AS indexScore
                WITH s, task, node, 2 * indexScore - 1 AS score WHERE score >= $minSimilarity AND node <> task
                MATCH (f:Trace {outcome: 'FAILURE'})-[:ATTEMPTED]->(node)
                WHERE f.createdAt < s.createdAt
                RETURN f, score AS similarity
              }
              MATCH (f)<-[:RECORDED]-(a:Agent)
              CALL (f) { OPTIONAL MATCH (f)-[:USED]->(x:Api) RETURN collect(x.qualifiedName) AS apis }
              CALL (f) { OPTIONAL MATCH (f)-[:HIT]->(p:FailurePattern) RETURN head(collect(p.signature)) AS failure }
              WITH f, a, a = me AS sameAgent, similarity, apis, failure
              ORDER BY sameAgent DESC, similarity DESC, f.createdAt DESC
              LIMIT 5
              RETURN collect({traceId: f.id, agentId: a.id, sameAgent: sameAgent, similarity: similarity, error: f.error,
                              apis: apis, failure: failure}) AS failures
            }
            RETURN s.id AS success, failures""";

    // ---- lessons ---------------------------------------------------------------------------------------------------

    /**
     * The vector index filters after its k-NN fetch, so it is over-fetched and filtered to live canonical lessons. Its
     * score is {@code (1 + cosine) / 2}; every threshold of curation is a cosine, so the score is converted back.
     */
    private static final String NEAREST = """
            CALL db.index.vector.queryNodes('lesson_embedding', $fetch, $vector) YIELD node, score AS indexScore
            WITH node, 2 * indexScore - 1 AS score
            WHERE node.status IN $live AND node.kind IN $kinds
            CALL (node) { OPTIONAL MATCH (node)-[:IN_CLUSTER]->(c:LessonCluster) RETURN head(collect(c.id)) AS cluster }
            RETURN node.id AS id, node.text AS text, score, coalesce(node.apis, []) AS apis, node.kind AS kind, node.code AS code, cluster
            ORDER BY score DESC
            LIMIT $k""";

    /**
     * {@link #NEAREST} for many candidates at once, read before their traces' transactions: one statement per batch
     * instead of one per candidate. Each row gives its own vector and kinds (and could give any further filter).
     */
    private static final String NEAREST_ALL = """
            UNWIND $rows AS row
            CALL (row) {
              CALL db.index.vector.queryNodes('lesson_embedding', $fetch, row.vector) YIELD node, score AS indexScore
              WITH node, 2 * indexScore - 1 AS score
              WHERE node.status IN $live AND node.kind IN row.kinds
              WITH node, score ORDER BY score DESC LIMIT $k
              CALL (node) { OPTIONAL MATCH (node)-[:IN_CLUSTER]->(c:LessonCluster) RETURN head(collect(c.id)) AS cluster }
              RETURN collect({id: node.id, text: node.text, score: score, apis: coalesce(node.apis, []), kind: node.kind,
                              code: node.code, cluster: cluster}) AS neighbours
            }
            RETURN row.i AS i, neighbours""";

    private static final String CREATE_LESSON = """
            CREATE (l:Lesson {id: $id, text: $text, kind: $kind, status: $status, quarantineReason: $reason, space: $space,
                              apis: $apis, dropped: $dropped, added: $added, taskText: $taskText, code: $code, originalText: $original,
                              support: 1, agents: 0, successes: $successes, failures: $failures, helpful: 0, unhelpful: 0,
                              trust: 0.5, contested: false, createdAt: datetime(), updatedAt: datetime()})
            WITH l
            CALL (l) {
              UNWIND $sources AS s
              MATCH (tr:Trace {id: s.traceId})
              CREATE (l)-[:LEARNED_FROM {role: s.role}]->(tr)
            }
            CALL (l) {
              WITH l WHERE $vector IS NOT NULL
              CALL db.create.setNodeVectorProperty(l, 'embedding', $vector)
            }
            CALL (l) {
              OPTIONAL MATCH (l)-[lf:LEARNED_FROM]->(:Trace)<-[:RECORDED]-(a:Agent)
              WHERE coalesce(lf.role, 'source') <> 'failure'
              RETURN count(DISTINCT a) AS agents
            }
            SET l.agents = agents""";

    /** APPLIES_TO existing APIs only; BACKED_BY the chunks of each API closest to the lesson; AVOIDS its failures. */
    private static final String GROUND_LESSON = """
            CALL (l) {
              UNWIND $apis AS name
              MATCH (a:Api {qualifiedName: name})
              MERGE (l)-[:APPLIES_TO]->(a)
            }
            CALL (l) {
              UNWIND $apis AS name
              MATCH (:Api {qualifiedName: name})<-[:DOCUMENTS]-(d:Doc)
              WITH name, d, CASE WHEN d.embedding IS NULL OR $vector IS NULL THEN 0.0
                                 ELSE vector.similarity.cosine(d.embedding, $vector) END AS closeness
              ORDER BY name, closeness DESC, d.id
              WITH name, collect(d)[..$docsPerApi] AS docs
              UNWIND docs AS d
              MERGE (l)-[:BACKED_BY]->(d)
            }
            CALL (l) {
              UNWIND $avoids AS signature
              MATCH (f:FailurePattern {signature: signature})
              MERGE (l)-[:AVOIDS]->(f)
            }
            """;

    /** A lesson that is not merged (a new canonical lesson, or a quarantined one), created and grounded at once. */
    private static final String CREATE_GROUNDED = CREATE_LESSON + "\nWITH l\n" + GROUND_LESSON;

    /**
     * A new canonical lesson, created, grounded and put in its cluster in one statement: it joins the cluster
     * {@code $cluster} when {@code $join}, or starts it with {@code $label}. Returns the cluster's label.
     */
    private static final String CREATE_CLUSTERED = CREATE_GROUNDED + """
            WITH l
            CALL (l) {
              WITH l WHERE $join
              MATCH (c:LessonCluster {id: $cluster})
              MERGE (l)-[:IN_CLUSTER]->(c)
              SET c.size = coalesce(c.size, 0) + 1
              RETURN c.label AS label
              UNION
              WITH l WHERE NOT $join
              CREATE (c:LessonCluster {id: $cluster, label: $label, size: 1, createdAt: datetime()})
              CREATE (l)-[:IN_CLUSTER]->(c)
              RETURN c.label AS label
            }
            RETURN label""";

    /**
     * The tail of a statement that changed canonical lesson {@code c}: recounts its distinct agents over itself and
     * its duplicates (the agent of a fix's failed attempt does not count as confirming it) and returns its state.
     */
    private static final String RECOUNT_AGENTS = """
            WITH c
            CALL (c) {
              OPTIONAL MATCH (c)<-[:MERGED_INTO*0..1]-(:Lesson)-[lf:LEARNED_FROM]->(:Trace)<-[:RECORDED]-(a:Agent)
              WHERE coalesce(lf.role, 'source') <> 'failure'
              RETURN count(DISTINCT a) AS agents
            }
            SET c.agents = agents
            RETURN c.status AS status, c.agents AS agents""";

    /**
     * A near-duplicate, created as a merged lesson with its provenance, pointed at its canonical lesson, which takes
     * one more piece of support; returns the canonical lesson's status and distinct agents.
     */
    private static final String CREATE_MERGED = CREATE_LESSON + """

            WITH l
            MATCH (c:Lesson {id: $canonical})
            CREATE (l)-[:MERGED_INTO {similarity: $similarity, apiOverlap: $overlap, at: datetime()}]->(c)
            SET c.support = c.support + 1, c.successes = c.successes + $successes, c.failures = c.failures + $failures,
                c.updatedAt = datetime()
            """ + RECOUNT_AGENTS;

    private static final String CANONICAL = """
            UNWIND $ids AS id
            MATCH (l:Lesson {id: id})
            OPTIONAL MATCH (l)-[:MERGED_INTO]->(c:Lesson)
            WITH coalesce(c, l) AS x
            RETURN DISTINCT x.id AS id""";

    private static final String AUTHORS = """
            MATCH (c:Lesson {id: $id})
            OPTIONAL MATCH (c)<-[:MERGED_INTO*0..1]-(:Lesson)-[lf:LEARNED_FROM]->(:Trace)<-[:RECORDED]-(a:Agent)
            WHERE coalesce(lf.role, 'source') <> 'failure'
            RETURN collect(DISTINCT a.id) AS authors""";

    private static final String EVIDENCE = """
            MATCH (l:Lesson {id: $id})
            SET l.helpful = coalesce(l.helpful, 0) + $helpful, l.unhelpful = coalesce(l.unhelpful, 0) + $unhelpful
            SET l.trust = (1.0 + l.helpful) / (2.0 + l.helpful + l.unhelpful), l.updatedAt = datetime()
            RETURN l.status AS status, l.trust AS trust, l.helpful + l.unhelpful AS evidence, l.contested AS contested""";

    private static final String STATE = """
            MATCH (l:Lesson {id: $id})
            RETURN l.status AS status, coalesce(l.trust, 0.5) AS trust,
                   coalesce(l.helpful, 0) + coalesce(l.unhelpful, 0) AS evidence, coalesce(l.contested, false) AS contested""";

    private static final String SET_STATUS = """
            MATCH (l:Lesson {id: $id})
            SET l.status = $status, l.statusReason = $reason, l.updatedAt = datetime()
            WITH l
            CALL (l) {
              MATCH (l)-[:CONTRADICTS]->(o:Lesson)
              SET o.contested = EXISTS { (o)-[:CONTRADICTS]->(p:Lesson) WHERE p.status IN $live }
            }""";

    // ---- merge suggestions and their review ---------------------------------------------------------------------------

    private static final String SUGGEST = """
            MATCH (a:Lesson {id: $lesson}), (b:Lesson {id: $other})
            MERGE (a)-[s:SUGGESTED_MERGE]->(b)
            ON CREATE SET s.similarity = $similarity, s.apiOverlap = $overlap, s.status = 'PENDING', s.at = datetime()""";

    private static final String PENDING_SUGGESTION = """
            MATCH (a:Lesson {id: $lesson})-[s:SUGGESTED_MERGE {status: 'PENDING'}]-(b:Lesson {id: $other})
            RETURN a.status AS status, b.status AS otherStatus, s.similarity AS similarity, s.apiOverlap AS overlap
            LIMIT 1""";

    private static final String PENDING_SUGGESTIONS = """
            MATCH (a:Lesson)-[s:SUGGESTED_MERGE {status: 'PENDING'}]->(b:Lesson)
            WHERE a.status IN $live AND b.status IN $live
            RETURN a.id AS lesson, a.text AS text, b.id AS other, b.text AS otherText, s.similarity AS similarity,
                   s.apiOverlap AS overlap, toString(s.at) AS at
            ORDER BY s.at, a.id
            LIMIT $first""";

    /**
     * A reviewed merge: the duplicate points at the canonical lesson, which takes over its counts; the duplicate's own
     * duplicates are re-pointed so that provenance stays one MERGED_INTO hop from every canonical lesson.
     */
    private static final String REVIEWED_MERGE = """
            MATCH (d:Lesson {id: $duplicate}), (c:Lesson {id: $canonical})
            CALL (d, c) {
              MATCH (x:Lesson)-[old:MERGED_INTO]->(d)
              CREATE (x)-[n:MERGED_INTO]->(c)
              SET n = properties(old), n.via = d.id
              DELETE old
            }
            CREATE (d)-[:MERGED_INTO {similarity: $similarity, apiOverlap: $overlap, at: datetime(), reviewed: true}]->(c)
            SET c.support = c.support + d.support, c.successes = c.successes + d.successes, c.failures = c.failures + d.failures,
                c.helpful = coalesce(c.helpful, 0) + coalesce(d.helpful, 0), c.unhelpful = coalesce(c.unhelpful, 0) + coalesce(d.unhelpful, 0),
                c.updatedAt = datetime(),
                d.status = 'MERGED', d.statusReason = $reason, d.updatedAt = datetime()
            SET c.trust = (1.0 + c.helpful) / (2.0 + c.helpful + c.unhelpful)
            """ + RECOUNT_AGENTS;

    private static final String CLOSE_SUGGESTION = """
            MATCH (:Lesson {id: $lesson})-[s:SUGGESTED_MERGE {status: 'PENDING'}]-(:Lesson {id: $other})
            SET s.status = $status, s.reason = $reason, s.reviewedAt = datetime()""";

    private static final String REVIEW_RUN = """
            CREATE (:CurationRun {id: $runId, trigger: $trigger, status: 'COMPLETED', startedAt: datetime(), finishedAt: datetime(),
                                  traces: 0, merged: $merged})""";

    // ---- contradictions ------------------------------------------------------------------------------------------------

    /** Live fixes that went the other way: they dropped what this one added and added what it dropped. */
    private static final String SWAPPED_FIXES = """
            UNWIND $added AS name
            MATCH (:Api {qualifiedName: name})<-[:APPLIES_TO]-(o:Lesson {kind: 'fix'})
            WHERE o.id <> $id AND o.status IN $live
              AND any(x IN coalesce(o.dropped, []) WHERE x IN $added) AND any(x IN coalesce(o.added, []) WHERE x IN $dropped)
            RETURN DISTINCT o.id AS id""";

    private static final String CONTRADICT = """
            MATCH (a:Lesson {id: $a}), (b:Lesson {id: $b})
            MERGE (a)-[:CONTRADICTS]->(b)
            MERGE (b)-[:CONTRADICTS]->(a)
            SET a.contested = true, b.contested = true""";

    private static final String RIVALS = """
            MATCH (l:Lesson {id: $id})-[:CONTRADICTS]->(o:Lesson)
            WHERE o.status IN $live
            RETURN o.id AS id, coalesce(o.trust, 0.5) AS trust, coalesce(o.helpful, 0) + coalesce(o.unhelpful, 0) AS evidence""";

    private static final String SUPERSEDE = """
            MATCH (w:Lesson {id: $winner}), (x:Lesson {id: $loser})
            MERGE (w)-[:SUPERSEDES]->(x)
            SET x.status = 'RETIRED', x.statusReason = $reason, x.contested = false, x.updatedAt = datetime()
            WITH w
            SET w.contested = EXISTS { (w)-[:CONTRADICTS]->(o:Lesson) WHERE o.status IN $live }""";

    private final Graph graph;

    public CurationRepository(Graph graph) {
        this.graph = graph;
    }

    // ---- lease -------------------------------------------------------------------------------------------------

    /** Who holds the lease when {@link #takeLease} fails. */
    public record LeaseState(boolean taken, String holder, String expiresAt) {
    }

    public LeaseState takeLease(String name, String holder, long ttlSeconds) {
        return graph.write(tx -> {
            Record r = tx.run(LOCK_LEASE, Map.of("name", name, "holder", holder)).single();
            if (!r.get("free").asBoolean()) {
                return new LeaseState(false, r.get("holder").asString(null), r.get("expiresAt").asString(null));
            }
            tx.run(TAKE_LEASE, Map.of("name", name, "holder", holder, "ttl", ttlSeconds)).consume();
            return new LeaseState(true, holder, null);
        });
    }

    public boolean renewLease(String name, String holder, long ttlSeconds) {
        return graph.write(tx -> tx.run(RENEW_LEASE, Map.of("name", name, "holder", holder, "ttl", ttlSeconds))
                .single().get("renewed").asLong() > 0);
    }

    public void releaseLease(String name, String holder) {
        graph.execute(RELEASE_LEASE, Map.of("name", name, "holder", holder));
    }

    // ---- runs and decisions ----------------------------------------------------------------------------------------

    public void startRun(String id, String trigger, String holder) {
        graph.execute(START_RUN, Map.of("id", id, "trigger", trigger, "holder", holder));
    }

    public void finishRun(String id, String status, String error, Map<String, Object> counts) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("status", status);
        params.put("error", error);
        params.put("counts", counts);
        graph.execute(FINISH_RUN, params);
    }

    public void decide(TransactionContext tx, String runId, List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = decisions.stream()
                .map(d -> Map.<String, Object>of("lesson", d.lessonId(), "action", d.action().name(), "reason", d.reason())).toList();
        tx.run(DECIDE, Map.of("runId", runId, "decisions", rows)).consume();
    }

    // ---- extraction ------------------------------------------------------------------------------------------------

    /** A failed attempt that a later success may fix. */
    public record EarlierFailure(String traceId, String agentId, boolean sameAgent, double similarity, String error,
                                 List<String> apis, String failureSignature) {
    }

    /**
     * The earlier failures of many successful traces in one statement, by the success's trace id; {@code taskVectors}
     * holds the embedding of each success's task.
     */
    public Map<String, List<EarlierFailure>> earlierFailures(Map<String, float[]> taskVectors, double minSimilarity) {
        if (taskVectors.isEmpty()) {
            return Map.of();
        }
        List<Map<String, Object>> rows = taskVectors.entrySet().stream()
                .map(e -> Map.<String, Object>of("traceId", e.getKey(), "vector", e.getValue())).toList();
        Map<String, List<EarlierFailure>> out = new HashMap<>();
        for (Record r : graph.query(EARLIER_FAILURES, Map.of("rows", rows, "minSimilarity", minSimilarity))) {
            out.put(r.get("success").asString(), r.get("failures").asList(f -> new EarlierFailure(f.get("traceId").asString(),
                    f.get("agentId").asString(), f.get("sameAgent").asBoolean(), f.get("similarity").asDouble(),
                    f.get("error").asString(null), f.get("apis").asList(Value::asString), f.get("failure").asString(null))));
        }
        return out;
    }

    // ---- lessons ---------------------------------------------------------------------------------------------------

    /** A live canonical lesson near a candidate. */
    public record Neighbour(String id, String text, double similarity, List<String> apis, String kind, String code, String cluster) {
    }

    public List<Neighbour> nearest(TransactionContext tx, float[] vector, List<String> kinds, int k) {
        return tx.run(NEAREST, Map.of("vector", vector, "fetch", Math.max(50, k * 4), "k", k, "live", LIVE, "kinds", kinds)).list(r ->
                new Neighbour(r.get("id").asString(), r.get("text").asString(null), r.get("score").asDouble(), r.get("apis").asList(Value::asString),
                        r.get("kind").asString(), r.get("code").asString(null), r.get("cluster").asString(null)));
    }

    /** A candidate's embedding and the lesson kinds it may merge with. */
    public record NearestQuery(float[] vector, List<String> kinds) {
    }

    /**
     * The {@code k} nearest live lessons of each query and up to {@code spare} more, in the order of {@code queries},
     * read in one statement outside any transaction of the caller. The index is asked for as many as {@link #nearest}
     * asks for {@code k}.
     */
    public List<List<Neighbour>> nearestAll(List<NearestQuery> queries, int k, int spare) {
        if (queries.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            rows.add(Map.of("i", i, "vector", queries.get(i).vector(), "kinds", queries.get(i).kinds()));
        }
        List<List<Neighbour>> out = new ArrayList<>(java.util.Collections.nCopies(queries.size(), List.<Neighbour>of()));
        for (Record r : graph.query(NEAREST_ALL, Map.of("rows", rows, "fetch", Math.max(50, k * 4), "k", k + spare, "live", LIVE))) {
            out.set(r.get("i").asInt(), r.get("neighbours").asList(n -> new Neighbour(n.get("id").asString(), n.get("text").asString(null),
                    n.get("score").asDouble(), n.get("apis").asList(Value::asString), n.get("kind").asString(),
                    n.get("code").asString(null), n.get("cluster").asString(null))));
        }
        return out;
    }

    private static Map<String, Object> lessonParams(String id, LessonCandidate c, String status, String reason, String space,
                                                    int successes, int failures, float[] vector) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("text", c.text());
        params.put("kind", c.kind());
        params.put("status", status);
        params.put("reason", reason);
        params.put("space", space);
        params.put("apis", c.apis());
        params.put("dropped", c.dropped());
        params.put("added", c.added());
        params.put("taskText", c.taskText());
        params.put("code", c.code());
        params.put("original", c.original());
        params.put("successes", successes);
        params.put("failures", failures);
        params.put("sources", c.sources().stream().map(s -> Map.of("traceId", s.traceId(), "role", s.role())).toList());
        params.put("vector", vector);
        return params;
    }

    /** Stores a quarantined lesson with its provenance, linked to its APIs and failure patterns (no embedding, no documentation). */
    public void createQuarantined(TransactionContext tx, String id, LessonCandidate c, String reason, String space, int successes,
                                  int failures) {
        Map<String, Object> params = lessonParams(id, c, "QUARANTINED", reason, space, successes, failures, null);
        params.put("avoids", c.avoids());
        params.put("docsPerApi", 0);
        tx.run(CREATE_GROUNDED, params).consume();
    }

    /** Where a new canonical lesson goes: into an existing cluster, or into a new one with this label. */
    public record ClusterChoice(String cluster, boolean join, String label) {
    }

    /** Stores a new canonical lesson, grounded and clustered; returns its cluster's label. */
    public String createCanonical(TransactionContext tx, String id, LessonCandidate c, String space, int successes, int failures,
                                  float[] vector, int docsPerApi, ClusterChoice cluster) {
        Map<String, Object> params = lessonParams(id, c, "CANDIDATE", null, space, successes, failures, vector);
        params.put("avoids", c.avoids());
        params.put("docsPerApi", docsPerApi);
        params.put("cluster", cluster.cluster());
        params.put("join", cluster.join());
        params.put("label", cluster.label());
        return tx.run(CREATE_CLUSTERED, params).list(r -> r.get("label").asString(null)).stream().findFirst().orElse(null);
    }

    /** Stores a near-duplicate merged into {@code canonical}; returns the canonical lesson after it absorbed it. */
    public Absorbed createMerged(TransactionContext tx, String id, LessonCandidate c, String space, int successes, int failures,
                                 String canonical, double similarity, double overlap) {
        Map<String, Object> params = lessonParams(id, c, "MERGED", null, space, successes, failures, null);
        params.put("canonical", canonical);
        params.put("similarity", similarity);
        params.put("overlap", overlap);
        Record r = tx.run(CREATE_MERGED, params).single();
        return new Absorbed(r.get("status").asString(), r.get("agents").asLong());
    }

    /** The canonical lesson after absorbing one more piece of support. */
    public record Absorbed(String status, long agents) {
    }

    /** The canonical lessons behind the given ones (a merged duplicate stands for the lesson it merged into). */
    public List<String> canonical(TransactionContext tx, List<String> lessonIds) {
        return tx.run(CANONICAL, Map.of("ids", lessonIds)).list(r -> r.get("id").asString());
    }

    public List<String> authors(TransactionContext tx, String lessonId) {
        return tx.run(AUTHORS, Map.of("id", lessonId)).single().get("authors").asList(Value::asString);
    }

    /** A lesson's lifecycle state and evidence. */
    public record LessonState(String status, double trust, long evidence, boolean contested) {
    }

    public LessonState addEvidence(TransactionContext tx, String lessonId, int helpful, int unhelpful) {
        return state(tx.run(EVIDENCE, Map.of("id", lessonId, "helpful", helpful, "unhelpful", unhelpful)).single());
    }

    public Optional<LessonState> state(TransactionContext tx, String lessonId) {
        var rows = tx.run(STATE, Map.of("id", lessonId)).list();
        return rows.isEmpty() ? Optional.empty() : Optional.of(state(rows.get(0)));
    }

    private static LessonState state(Record r) {
        return new LessonState(r.get("status").asString(), r.get("trust").asDouble(), r.get("evidence").asLong(),
                r.get("contested").asBoolean(false));
    }

    public void setStatus(TransactionContext tx, String lessonId, String status, String reason) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", lessonId);
        params.put("status", status);
        params.put("reason", reason);
        params.put("live", LIVE);
        tx.run(SET_STATUS, params).consume();
    }

    // ---- contradictions ------------------------------------------------------------------------------------------------

    public List<String> swappedFixes(TransactionContext tx, String lessonId, List<String> dropped, List<String> added) {
        if (dropped.isEmpty() || added.isEmpty()) {
            return List.of();
        }
        return tx.run(SWAPPED_FIXES, Map.of("id", lessonId, "dropped", dropped, "added", added, "live", LIVE))
                .list(r -> r.get("id").asString());
    }

    public void contradict(TransactionContext tx, String a, String b) {
        tx.run(CONTRADICT, Map.of("a", a, "b", b)).consume();
    }

    /** A live lesson that contradicts another, with its trust and evidence. */
    public record Rival(String id, double trust, long evidence) {
    }

    public List<Rival> rivals(TransactionContext tx, String lessonId) {
        return tx.run(RIVALS, Map.of("id", lessonId, "live", LIVE)).list(r ->
                new Rival(r.get("id").asString(), r.get("trust").asDouble(), r.get("evidence").asLong()));
    }

    public void supersede(TransactionContext tx, String winner, String loser, String reason) {
        tx.run(SUPERSEDE, Map.of("winner", winner, "loser", loser, "reason", reason, "live", LIVE)).consume();
    }


    // ---- audit ---------------------------------------------------------------------------------------------------

    private static final String LESSON_VIEW = """
            MATCH (l:Lesson {id: $id})
            CALL (l) { OPTIONAL MATCH (l)-[:IN_CLUSTER]->(c:LessonCluster) RETURN head(collect(c {.id, .label, .size})) AS cluster }
            CALL (l) { OPTIONAL MATCH (l)-[:MERGED_INTO]->(m:Lesson) RETURN head(collect(m.id)) AS mergedInto }
            CALL (l) {
              MATCH (l)<-[:MERGED_INTO*0..1]-(x:Lesson)-[lf:LEARNED_FROM]->(tr:Trace)
              OPTIONAL MATCH (tr)-[:ATTEMPTED]->(t:Task)
              OPTIONAL MATCH (a:Agent)-[:RECORDED]->(tr)
              WITH x, lf, tr, t, a ORDER BY tr.createdAt, tr.id
              RETURN collect({traceId: tr.id, lessonId: x.id, agent: a.id, taskText: t.text, outcome: tr.outcome,
                              role: coalesce(lf.role, 'source'), createdAt: toString(tr.createdAt)}) AS provenance
            }
            CALL (l) {
              MATCH (d:Lesson)-[:MERGED_INTO]->(l)
              WITH d ORDER BY d.createdAt
              RETURN collect(d {.id, .text, .kind, .status, .trust, .support, .agents, .apis}) AS duplicates
            }
            CALL (l) {
              MATCH (r:CurationRun)-[d:DECIDED]->(l)
              WITH r, d ORDER BY d.at
              RETURN collect({action: d.action, reason: d.reason, at: toString(d.at), runId: r.id, trigger: r.trigger}) AS decisions
            }
            CALL (l) {
              MATCH (l)-[s:SUGGESTED_MERGE]-(o:Lesson)
              WITH s, o ORDER BY s.at
              RETURN collect({lesson: o.id, text: o.text, similarity: s.similarity, status: s.status, reason: s.reason,
                              at: toString(s.at)}) AS suggestions
            }
            RETURN l {.id, .text, .kind, .status, .trust, .support, .agents, .helpful, .unhelpful, .contested, .space, .apis,
                      .quarantineReason, createdAt: toString(l.createdAt)} AS lesson,
                   cluster, mergedInto, provenance, duplicates, decisions, suggestions""";

    private static final String LESSONS = """
            MATCH (l:Lesson)
            WHERE ($status IS NULL OR l.status = $status)
              AND ($after IS NULL OR l.id > $after)
              AND ($api IS NULL OR $api IN coalesce(l.apis, []))
              AND ($cluster IS NULL OR EXISTS { (l)-[:IN_CLUSTER]->(:LessonCluster {id: $cluster}) })
            WITH l ORDER BY l.id LIMIT $limit
            CALL (l) { OPTIONAL MATCH (l)-[:IN_CLUSTER]->(c:LessonCluster) RETURN head(collect(c.id)) AS cluster }
            RETURN l {.id, .text, .kind, .status, .trust, .support, .agents, .apis} AS lesson, cluster
            ORDER BY l.id""";

    private static final String RUNS = """
            MATCH (r:CurationRun)
            WITH r ORDER BY r.startedAt DESC LIMIT $first
            RETURN r {.id, .trigger, .status, .error, .traces, .created, .merged, .quarantined, .promoted, .retired, .released,
                      startedAt: toString(r.startedAt), finishedAt: toString(r.finishedAt)} AS run
            ORDER BY r.startedAt DESC""";

    /** A knowledge engineer's decision: its own run of trigger 'manual', the new status and the DECIDED edge. */
    private static final String MANUAL = """
            MATCH (l:Lesson {id: $lesson})
            CREATE (r:CurationRun {id: $runId, trigger: 'manual', status: 'COMPLETED', startedAt: datetime(), finishedAt: datetime(),
                                   traces: 0, released: $released, quarantined: $quarantined})
            CREATE (r)-[:DECIDED {action: $action, reason: $reason, at: datetime()}]->(l)
            SET l.status = $status, l.statusReason = $reason, l.updatedAt = datetime(),
                l.quarantineReason = CASE WHEN $status = 'QUARANTINED' THEN $reason ELSE null END
            WITH l
            CALL (l) {
              WITH l WHERE $vector IS NOT NULL
              CALL db.create.setNodeVectorProperty(l, 'embedding', $vector)
            }
            WITH l
            CALL (l) {
              MATCH (l)-[:CONTRADICTS]->(o:Lesson)
              SET o.contested = EXISTS { (o)-[:CONTRADICTS]->(p:Lesson) WHERE p.status IN $live }
            }
            SET l.contested = EXISTS { (l)-[:CONTRADICTS]->(p:Lesson) WHERE p.status IN $live }""";

    public Optional<LessonView> lessonView(String id) {
        List<Record> rows = graph.query(LESSON_VIEW, Map.of("id", id));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Record r = rows.get(0);
        Value l = r.get("lesson");
        Value c = r.get("cluster");
        return Optional.of(new LessonView(l.get("id").asString(), l.get("text").asString(), l.get("kind").asString(null),
                l.get("status").asString(), l.get("trust").asDouble(0.5), l.get("support").asLong(0), l.get("agents").asLong(0),
                l.get("helpful").asLong(0), l.get("unhelpful").asLong(0), l.get("contested").asBoolean(false),
                l.get("space").asString(null), strings(l.get("apis")), l.get("quarantineReason").asString(null),
                l.get("createdAt").asString(null),
                c.isNull() ? null : new LessonView.Cluster(c.get("id").asString(), c.get("label").asString(null), c.get("size").asLong(0)),
                r.get("mergedInto").asString(null),
                r.get("provenance").asList(p -> new LessonView.Provenance(p.get("traceId").asString(), p.get("lessonId").asString(),
                        p.get("agent").asString(null), p.get("taskText").asString(null), p.get("outcome").asString(null),
                        p.get("role").asString(), p.get("createdAt").asString(null))),
                r.get("duplicates").asList(d -> summary(d, null)),
                r.get("decisions").asList(d -> new LessonView.DecisionView(d.get("action").asString(), d.get("reason").asString(null),
                        d.get("at").asString(null), d.get("runId").asString(), d.get("trigger").asString(null))),
                r.get("suggestions").asList(s -> new LessonView.Suggestion(s.get("lesson").asString(), s.get("text").asString(),
                        s.get("similarity").asDouble(0), s.get("status").asString(), s.get("reason").asString(null),
                        s.get("at").asString(null)))));
    }

    public List<LessonSummary> lessons(String status, String cluster, String api, String after, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("status", status);
        params.put("cluster", cluster);
        params.put("api", api);
        params.put("after", after);
        params.put("limit", limit);
        return graph.query(LESSONS, params).stream().map(r -> summary(r.get("lesson"), r.get("cluster").asString(null))).toList();
    }

    public List<CurationRunView> runs(int first) {
        return graph.query(RUNS, Map.of("first", first)).stream().map(r -> r.get("run")).map(v -> new CurationRunView(
                v.get("id").asString(), v.get("trigger").asString(null), v.get("status").asString(null), v.get("startedAt").asString(null),
                v.get("finishedAt").asString(null), optionalLong(v.get("traces")), optionalLong(v.get("created")),
                optionalLong(v.get("merged")), optionalLong(v.get("quarantined")), optionalLong(v.get("promoted")),
                optionalLong(v.get("retired")), optionalLong(v.get("released")), v.get("error").asString(null))).toList();
    }

    /** Deletes up to {@code batch} lessons, clusters, runs and leases in one transaction; returns how many. */
    public long forgetBatch(int batch) {
        return graph.write(tx -> tx.run(FORGET_BATCH, Map.of("batch", batch)).single().get("deleted").asLong());
    }

    /** Leaves a merge suggestion from a new lesson to an existing one, for review. */
    public void suggestMerge(TransactionContext tx, String lesson, String other, double similarity, double overlap) {
        tx.run(SUGGEST, Map.of("lesson", lesson, "other", other, "similarity", similarity, "overlap", overlap)).consume();
    }

    /** A pending suggestion between two lessons (either direction), with both statuses. */
    public record Suggestion(String status, String otherStatus, double similarity, double overlap) {
    }

    public Optional<Suggestion> pendingSuggestion(TransactionContext tx, String lesson, String other) {
        return tx.run(PENDING_SUGGESTION, Map.of("lesson", lesson, "other", other)).list(r -> new Suggestion(r.get("status").asString(),
                r.get("otherStatus").asString(), r.get("similarity").asDouble(0), r.get("overlap").asDouble(0))).stream().findFirst();
    }

    public List<MergeSuggestionView> pendingSuggestions(int first) {
        return graph.query(PENDING_SUGGESTIONS, Map.of("first", first, "live", LIVE)).stream().map(r -> new MergeSuggestionView(
                r.get("lesson").asString(), r.get("text").asString(), r.get("other").asString(), r.get("otherText").asString(),
                r.get("similarity").asDouble(0), r.get("overlap").asDouble(0), r.get("at").asString(null))).toList();
    }

    /** Merges {@code duplicate} into {@code canonical} after review; returns the canonical lesson's status and agents. */
    public Absorbed reviewedMerge(TransactionContext tx, String duplicate, String canonical, double similarity, double overlap,
                                  String reason) {
        Record r = tx.run(REVIEWED_MERGE, Map.of("duplicate", duplicate, "canonical", canonical, "similarity", similarity,
                "overlap", overlap, "reason", reason)).single();
        return new Absorbed(r.get("status").asString(), r.get("agents").asLong());
    }

    public void closeSuggestion(TransactionContext tx, String lesson, String other, boolean accepted, String reason) {
        tx.run(CLOSE_SUGGESTION, Map.of("lesson", lesson, "other", other, "status", accepted ? "ACCEPTED" : "REJECTED",
                "reason", reason)).consume();
    }

    /** A completed run of a knowledge engineer's review, to hang its decisions on. */
    public void reviewRun(TransactionContext tx, String runId, String trigger, int merged) {
        tx.run(REVIEW_RUN, Map.of("runId", runId, "trigger", trigger, "merged", merged)).consume();
    }

    public void manualDecision(String runId, Decision decision, String status, float[] vector) {
        Map<String, Object> params = new HashMap<>();
        params.put("runId", runId);
        params.put("lesson", decision.lessonId());
        params.put("action", decision.action().name());
        params.put("reason", decision.reason());
        params.put("status", status);
        params.put("vector", vector);
        params.put("live", LIVE);
        params.put("released", decision.action() == dev.spark.curation.LessonAction.RELEASED ? 1 : 0);
        params.put("quarantined", decision.action() == dev.spark.curation.LessonAction.QUARANTINED ? 1 : 0);
        graph.execute(MANUAL, params);
    }

    private static LessonSummary summary(Value l, String cluster) {
        return new LessonSummary(l.get("id").asString(), l.get("text").asString(), l.get("kind").asString(null), l.get("status").asString(),
                l.get("trust").asDouble(0.5), l.get("support").asLong(0), l.get("agents").asLong(0), strings(l.get("apis")), cluster);
    }

    private static List<String> strings(Value v) {
        return v.isNull() ? List.of() : v.asList(Value::asString);
    }

    private static Long optionalLong(Value v) {
        return v.isNull() ? null : v.asLong();
    }
}
