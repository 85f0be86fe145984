package dev.spark.curation.internal;

import dev.spark.curation.CurationRunView;
import dev.spark.curation.LessonSummary;
import dev.spark.curation.LessonView;
import dev.spark.curation.MergeSuggestionView;
import dev.spark.graph.Graph;
import dev.spark.graph.OneParameter;
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
     * The same agent's failures come first, then the most similar task, then the most recent failure. Only failures of
     * the same space: a fix lesson carries its failure as provenance, which must not cross into another space.
     */
    private static final String EARLIER_FAILURES = """
            UNWIND $rows AS row
            MATCH (s:Trace {id: row.traceId})-[:ATTEMPTED]->(task:Task)
            MATCH (s)<-[:RECORDED]-(me:Agent)
            CALL (s, task, me, row) {
              CALL (s, task, row) {
                MATCH (f:Trace {outcome: 'FAILURE'})-[:ATTEMPTED]->(task)
                WHERE f.createdAt < s.createdAt AND coalesce(f.space, 'commons') = coalesce(s.space, 'commons')
                RETURN f, 1.0 AS similarity
                UNION
                WITH s, task, row
                CALL db.index.vector.queryNodes('task_embedding', 50, row.vector) YIELD node, score AS indexScore
                WITH s, task, node, 2 * indexScore - 1 AS score WHERE score >= $minSimilarity AND node <> task
                MATCH (f:Trace {outcome: 'FAILURE'})-[:ATTEMPTED]->(node)
                WHERE f.createdAt < s.createdAt AND coalesce(f.space, 'commons') = coalesce(s.space, 'commons')
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
     * The live canonical lessons nearest to each of many candidates, read before their traces' transactions: one
     * statement per batch. Each row gives its own vector, kinds and space (lessons merge, cluster and contradict only
     * within their space; lessons promoted to commons are never merge targets, they have no traces of their own). The
     * vector index filters after its k-NN fetch, so it is over-fetched and filtered. Its score is
     * {@code (1 + cosine) / 2}; every threshold of curation is a cosine, so the score is converted back.
     */
    private static final String NEAREST_ALL = """
            UNWIND $rows AS row
            CALL (row) {
              CALL db.index.vector.queryNodes('lesson_embedding', $fetch, row.vector) YIELD node, score AS indexScore
              WITH node, 2 * indexScore - 1 AS score
              WHERE node.status IN $live AND node.kind IN row.kinds AND coalesce(node.space, 'commons') = row.space
                AND node.promoted IS NULL
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

    // lessons have many optional values: one map parameter keeps one cached plan per statement (see OneParameter)
    private static final String CREATE_GROUNDED_P = OneParameter.statement(CREATE_GROUNDED);
    private static final String CREATE_CLUSTERED_P = OneParameter.statement(CREATE_CLUSTERED);
    private static final String CREATE_MERGED_P = OneParameter.statement(CREATE_MERGED);

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
            WHERE o.id <> $id AND o.status IN $live AND coalesce(o.space, 'commons') = $space
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

    // ---- forgetting on request -----------------------------------------------------------------------------------------

    /** The ratings forgotten traces gave, as curation credited them: only traces it has curated were credited. */
    private static final String FORGOTTEN_CREDITS = """
            MATCH (tr:Trace)-[fo:FOLLOWED]->(r:Recommendation)
            WHERE tr.id IN $ids AND tr.curatedAt IS NOT NULL
            RETURN tr.outcome AS outcome, fo.rating AS rating, [(r)-[:CITES]->(l:Lesson) | l.id] AS cited""";

    /** Takes back evidence, and recomputes trust as {@link #EVIDENCE} computes it. */
    private static final String WITHDRAW_EVIDENCE = """
            MATCH (l:Lesson {id: $id})
            SET l.helpful = CASE WHEN coalesce(l.helpful, 0) > $helpful THEN l.helpful - $helpful ELSE 0 END,
                l.unhelpful = CASE WHEN coalesce(l.unhelpful, 0) > $unhelpful THEN l.unhelpful - $unhelpful ELSE 0 END,
                l.updatedAt = datetime()
            SET l.trust = (1.0 + l.helpful) / (2.0 + l.helpful + l.unhelpful)""";

    /** Lessons whose text was written from these traces' words (any role), with the canonical lesson of a duplicate. */
    private static final String LEARNED_FROM_TRACES = """
            MATCH (l:Lesson)-[:LEARNED_FROM]->(tr:Trace) WHERE tr.id IN $ids
            WITH DISTINCT l
            OPTIONAL MATCH (l)-[:MERGED_INTO]->(c:Lesson)
            RETURN l.id AS id, c.id AS canonical""";

    /**
     * The oldest duplicate of a canonical lesson that keeps provenance outside what is being forgotten (these traces,
     * and the agent or space being forgotten, whose other traces a later batch deletes).
     */
    private static final String SUCCESSOR = """
            MATCH (c:Lesson {id: $id})<-[:MERGED_INTO]-(d:Lesson)
            WHERE EXISTS { (d)-[:LEARNED_FROM]->(:Trace) }
              AND NOT EXISTS {
                MATCH (d)-[:LEARNED_FROM]->(t:Trace)
                WHERE t.id IN $ids OR t.space = $space OR EXISTS { (:Agent {id: $agent})-[:RECORDED]->(t) }
              }
            RETURN d.id AS id, d.text AS text
            ORDER BY d.createdAt, d.id
            LIMIT 1""";

    /**
     * The canonical lesson takes over its duplicate's text, scope, space and provenance, and a new embedding; the
     * duplicate, now redundant, goes. The lesson keeps its id, status, ratings and decisions.
     */
    private static final String ADOPT = """
            MATCH (c:Lesson {id: $canonical}), (d:Lesson {id: $duplicate})
            SET c.text = d.text, c.kind = coalesce(d.kind, c.kind), c.apis = d.apis, c.dropped = d.dropped, c.added = d.added,
                c.taskText = d.taskText, c.code = d.code, c.originalText = d.originalText, c.space = d.space,
                c.updatedAt = datetime()
            WITH c, d
            CALL (c, d) {
              MATCH (d)-[lf:LEARNED_FROM]->(t:Trace)
              CREATE (c)-[n:LEARNED_FROM]->(t)
              SET n = properties(lf)
            }
            CALL (c) {
              MATCH (c)-[a:APPLIES_TO]->(:Api)
              DELETE a
            }
            CALL (c) {
              UNWIND coalesce(c.apis, []) AS name
              MATCH (x:Api {qualifiedName: name})
              MERGE (c)-[:APPLIES_TO]->(x)
            }
            CALL (c) {
              WITH c WHERE $vector IS NOT NULL
              CALL db.create.setNodeVectorProperty(c, 'embedding', $vector)
            }
            DETACH DELETE d""";

    private static final String CLUSTERS_OF = """
            MATCH (l:Lesson)-[:IN_CLUSTER]->(c:LessonCluster) WHERE l.id IN $ids
            RETURN DISTINCT c.id AS id""";

    /**
     * A lesson left without its source: retired, its text replaced by a placeholder, its embedding, code, task text,
     * scope, space and reasons removed, its grounding, cluster membership and merge suggestions cut. The node stays,
     * so that decisions and recommendations about it keep pointing somewhere; a rival it contradicted is free again.
     */
    private static final String RETIRE_CLEARED = """
            MATCH (l:Lesson) WHERE l.id IN $ids
            CALL (l) {
              MATCH (l)-[g:APPLIES_TO|BACKED_BY|AVOIDS|IN_CLUSTER|SUGGESTED_MERGE]-()
              DELETE g
            }
            CALL (l) {
              MATCH (:CurationRun)-[d:DECIDED]->(l)
              SET d.reason = $reason
            }
            SET l.status = 'RETIRED', l.statusReason = $reason, l.text = $placeholder, l.contested = false,
                l.support = 0, l.agents = 0, l.successes = 0, l.failures = 0, l.updatedAt = datetime()
            REMOVE l.originalText, l.taskText, l.code, l.quarantineReason, l.space, l.embedding, l.apis, l.dropped, l.added
            WITH l
            CALL (l) {
              MATCH (l)-[:CONTRADICTS]->(o:Lesson)
              SET o.contested = EXISTS { (o)-[:CONTRADICTS]->(p:Lesson) WHERE p.status IN $live }
            }
            RETURN count(l) AS retired""";

    private static final String DELETE_LESSONS = """
            MATCH (l:Lesson) WHERE l.id IN $ids
            DETACH DELETE l
            RETURN count(*) AS deleted""";

    private static final String UNLINK_TRACES = """
            MATCH (:Lesson)-[lf:LEARNED_FROM]->(tr:Trace) WHERE tr.id IN $ids
            DELETE lf""";

    /**
     * Support, distinct agents and outcomes counted again over the lesson and its duplicates, by the rules curation
     * counts them with as it goes: one per lesson node, the agent of a fix's failed attempt not confirming it, the
     * outcome of each lesson node's source trace.
     */
    private static final String RECOUNT = """
            MATCH (c:Lesson) WHERE c.id IN $ids AND c.status <> 'MERGED'
            CALL (c) {
              OPTIONAL MATCH (c)<-[:MERGED_INTO]-(d:Lesson)
              RETURN count(d) AS duplicates
            }
            CALL (c) {
              OPTIONAL MATCH (c)<-[:MERGED_INTO*0..1]-(x:Lesson)-[lf:LEARNED_FROM]->(t:Trace)
              WHERE coalesce(lf.role, 'source') <> 'failure'
              RETURN count(DISTINCT CASE WHEN t.outcome = 'SUCCESS' THEN [x.id, t.id] END) AS successes,
                     count(DISTINCT CASE WHEN t.outcome = 'FAILURE' THEN [x.id, t.id] END) AS failures
            }
            SET c.support = 1 + duplicates, c.successes = successes, c.failures = failures, c.updatedAt = datetime()
            """ + RECOUNT_AGENTS.replace("RETURN c.status AS status, c.agents AS agents", "RETURN c.id AS id");

    private static final String CLUSTER_FIRST_MEMBER = """
            MATCH (k:LessonCluster {id: $id})
            OPTIONAL MATCH (l:Lesson)-[:IN_CLUSTER]->(k)
            WITH k, l ORDER BY l.createdAt, l.id
            RETURN count(l) AS size, head(collect(l {.text, .apis})) AS first""";

    private static final String RELABEL_CLUSTER = """
            MATCH (k:LessonCluster {id: $id})
            SET k.size = $size, k.label = $label""";

    private static final String DELETE_CLUSTER = "MATCH (k:LessonCluster {id: $id}) DETACH DELETE k";

    /** Where an id of something forgotten may be written: decision reasons, status reasons, errors of runs. */
    private static final String MENTIONS = """
            CALL () {
              MATCH (:CurationRun)-[d:DECIDED]->(:Lesson) WHERE any(x IN $ids WHERE d.reason CONTAINS x)
              RETURN 'decision' AS kind, elementId(d) AS id, d.reason AS text
              UNION ALL
              MATCH (l:Lesson) WHERE any(x IN $ids WHERE l.statusReason CONTAINS x)
              RETURN 'lesson' AS kind, elementId(l) AS id, l.statusReason AS text
              UNION ALL
              MATCH (r:CurationRun) WHERE any(x IN $ids WHERE r.error CONTAINS x)
              RETURN 'run' AS kind, elementId(r) AS id, r.error AS text
            }
            RETURN kind, id, text""";

    private static final String REWRITE_DECISIONS = """
            UNWIND $rows AS row
            MATCH ()-[d:DECIDED]->() WHERE elementId(d) = row.id
            SET d.reason = row.text""";

    private static final String REWRITE_LESSONS = """
            UNWIND $rows AS row
            MATCH (l:Lesson) WHERE elementId(l) = row.id
            SET l.statusReason = row.text""";

    private static final String REWRITE_RUNS = """
            UNWIND $rows AS row
            MATCH (r:CurationRun) WHERE elementId(r) = row.id
            SET r.error = row.text""";

    /** Lessons of a space that no forgotten trace reached (stored before provenance was kept, say). */
    private static final String LESSONS_OF_SPACE = """
            MATCH (l:Lesson) WHERE l.space = $space
            RETURN l.id AS id LIMIT $limit""";

    private static final String FORGET_RUN = """
            MERGE (r:CurationRun {id: $id})
              ON CREATE SET r.trigger = 'forget', r.status = 'RUNNING', r.startedAt = datetime(), r.traces = 0""";

    private static final String FINISH_FORGET_RUN = """
            MATCH (r:CurationRun {id: $id})
            SET r.status = 'COMPLETED', r.finishedAt = datetime(), r.retired = $retired, r.rederived = $rederived,
                r.recounted = $recounted""";

    /** A rating a forgotten trace gave: the lessons it cited were credited with it. */
    public record ForgottenCredit(String outcome, Integer rating, List<String> cited) {
    }

    public List<ForgottenCredit> forgottenCredits(TransactionContext tx, List<String> traceIds) {
        return tx.run(FORGOTTEN_CREDITS, Map.of("ids", traceIds)).list(r -> new ForgottenCredit(r.get("outcome").asString(),
                r.get("rating").isNull() ? null : r.get("rating").asInt(), r.get("cited").asList(Value::asString)));
    }

    public void withdrawEvidence(TransactionContext tx, String lessonId, int helpful, int unhelpful) {
        tx.run(WITHDRAW_EVIDENCE, Map.of("id", lessonId, "helpful", helpful, "unhelpful", unhelpful)).consume();
    }

    /** A lesson learned from forgotten traces; {@code canonical} is set for a merged duplicate. */
    public record Derived(String id, String canonical) {
    }

    public List<Derived> learnedFrom(TransactionContext tx, List<String> traceIds) {
        return tx.run(LEARNED_FROM_TRACES, Map.of("ids", traceIds)).list(r -> new Derived(r.get("id").asString(),
                r.get("canonical").asString(null)));
    }

    /** A duplicate that can carry a canonical lesson on. */
    public record Successor(String id, String text) {
    }

    public Optional<Successor> successor(TransactionContext tx, String canonical, List<String> traceIds, String agent, String space) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", canonical);
        params.put("ids", traceIds);
        params.put("agent", agent);
        params.put("space", space);
        return tx.run(SUCCESSOR, params).list(r -> new Successor(r.get("id").asString(), r.get("text").asString(null)))
                .stream().findFirst();
    }

    public void adopt(TransactionContext tx, String canonical, String duplicate, float[] vector) {
        Map<String, Object> params = new HashMap<>();
        params.put("canonical", canonical);
        params.put("duplicate", duplicate);
        params.put("vector", vector);
        tx.run(ADOPT, params).consume();
    }

    public List<String> clustersOf(TransactionContext tx, List<String> lessonIds) {
        return tx.run(CLUSTERS_OF, Map.of("ids", lessonIds)).list(r -> r.get("id").asString());
    }

    public long retireCleared(TransactionContext tx, List<String> lessonIds, String placeholder, String reason) {
        return tx.run(RETIRE_CLEARED, Map.of("ids", lessonIds, "placeholder", placeholder, "reason", reason, "live", LIVE))
                .single().get("retired").asLong();
    }

    public long deleteLessons(TransactionContext tx, List<String> lessonIds) {
        return tx.run(DELETE_LESSONS, Map.of("ids", lessonIds)).single().get("deleted").asLong();
    }

    public void unlinkTraces(TransactionContext tx, List<String> traceIds) {
        tx.run(UNLINK_TRACES, Map.of("ids", traceIds)).consume();
    }

    /** Recounts the canonical lessons among {@code lessonIds}; returns the ids recounted. */
    public List<String> recount(TransactionContext tx, List<String> lessonIds) {
        return tx.run(RECOUNT, Map.of("ids", lessonIds)).list(r -> r.get("id").asString());
    }

    /** A cluster's size and its oldest member's text and APIs (null when it has none left). */
    public record ClusterHead(long size, String text, List<String> apis) {
    }

    public ClusterHead clusterHead(TransactionContext tx, String clusterId) {
        Record r = tx.run(CLUSTER_FIRST_MEMBER, Map.of("id", clusterId)).single();
        Value first = r.get("first");
        return new ClusterHead(r.get("size").asLong(), first.isNull() ? null : first.get("text").asString(null),
                first.isNull() ? List.of() : strings(first.get("apis")));
    }

    public void relabelCluster(TransactionContext tx, String clusterId, long size, String label) {
        tx.run(RELABEL_CLUSTER, Map.of("id", clusterId, "size", size, "label", label)).consume();
    }

    public void deleteCluster(TransactionContext tx, String clusterId) {
        tx.run(DELETE_CLUSTER, Map.of("id", clusterId)).consume();
    }

    /** A text that mentions a forgotten id: {@code kind} is decision, lesson or run; {@code id} the element id. */
    public record Mention(String kind, String elementId, String text) {
    }

    public List<Mention> mentions(TransactionContext tx, List<String> ids) {
        return tx.run(MENTIONS, Map.of("ids", ids)).list(r -> new Mention(r.get("kind").asString(), r.get("id").asString(),
                r.get("text").asString()));
    }

    public void rewrite(TransactionContext tx, List<Mention> rewritten) {
        for (String kind : List.of("decision", "lesson", "run")) {
            List<Map<String, Object>> rows = rewritten.stream().filter(m -> m.kind().equals(kind))
                    .map(m -> Map.<String, Object>of("id", m.elementId(), "text", m.text())).toList();
            if (!rows.isEmpty()) {
                String cypher = switch (kind) {
                    case "decision" -> REWRITE_DECISIONS;
                    case "lesson" -> REWRITE_LESSONS;
                    default -> REWRITE_RUNS;
                };
                tx.run(cypher, Map.of("rows", rows)).consume();
            }
        }
    }

    public List<String> lessonsOfSpace(TransactionContext tx, String space, int limit) {
        return tx.run(LESSONS_OF_SPACE, Map.of("space", space, "limit", limit)).list(r -> r.get("id").asString());
    }

    public void forgetRun(TransactionContext tx, String runId) {
        tx.run(FORGET_RUN, Map.of("id", runId)).consume();
    }

    /** Completes a forgetting's run with the totals of all its batches. */
    public void finishForgetRun(TransactionContext tx, String runId, long retired, long rederived, long recounted) {
        tx.run(FINISH_FORGET_RUN, Map.of("id", runId, "retired", retired, "rederived", rederived, "recounted", recounted)).consume();
    }

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

    /** A candidate's embedding, the lesson kinds it may merge with and the space its trace belongs to. */
    public record NearestQuery(float[] vector, List<String> kinds, String space) {
    }

    /**
     * The {@code k} nearest live lessons of each query and up to {@code spare} more, in the order of {@code queries},
     * read in one statement outside any transaction of the caller. The index is asked for {@code max(50, 4k)}.
     */
    public List<List<Neighbour>> nearestAll(List<NearestQuery> queries, int k, int spare) {
        if (queries.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            rows.add(Map.of("i", i, "vector", queries.get(i).vector(), "kinds", queries.get(i).kinds(), "space", queries.get(i).space()));
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
        tx.run(CREATE_GROUNDED_P, OneParameter.values(params)).consume();
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
        return tx.run(CREATE_CLUSTERED_P, OneParameter.values(params)).list(r -> r.get("label").asString(null)).stream().findFirst().orElse(null);
    }

    /** Stores a near-duplicate merged into {@code canonical}; returns the canonical lesson after it absorbed it. */
    public Absorbed createMerged(TransactionContext tx, String id, LessonCandidate c, String space, int successes, int failures,
                                 String canonical, double similarity, double overlap) {
        Map<String, Object> params = lessonParams(id, c, "MERGED", null, space, successes, failures, null);
        params.put("canonical", canonical);
        params.put("similarity", similarity);
        params.put("overlap", overlap);
        Record r = tx.run(CREATE_MERGED_P, OneParameter.values(params)).single();
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

    public List<String> swappedFixes(TransactionContext tx, String lessonId, List<String> dropped, List<String> added, String space) {
        if (dropped.isEmpty() || added.isEmpty()) {
            return List.of();
        }
        return tx.run(SWAPPED_FIXES, Map.of("id", lessonId, "dropped", dropped, "added", added, "live", LIVE,
                "space", space))
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


    // ---- promotion into commons ----------------------------------------------------------------------------------

    /** Active lessons of a space (not commons) not examined for promotion yet, oldest change first. */
    private static final String PROMOTION_CANDIDATES = """
            MATCH (l:Lesson)
            WHERE l.status = 'ACTIVE' AND l.kind IN $kinds AND l.commonsCheckedAt IS NULL AND l.embedding IS NOT NULL
              AND coalesce(l.space, 'commons') <> 'commons'
            WITH l ORDER BY l.updatedAt, l.id LIMIT $limit
            RETURN l.id AS id, l.space AS space, l.text AS text, coalesce(l.apis, []) AS apis, l.embedding AS vector""";

    /**
     * Active lessons near a candidate that may share its advice: those of other spaces, and commons lessons promoted
     * before, each with the commons lesson it was promoted into, if any. Over-fetched, as the index filters after k-NN.
     */
    private static final String PROMOTION_NEIGHBOURS = """
            CALL db.index.vector.queryNodes('lesson_embedding', $fetch, $vector) YIELD node, score AS indexScore
            WITH node, 2 * indexScore - 1 AS score
            WHERE node.id <> $id AND node.status = 'ACTIVE' AND node.kind IN $kinds
              AND (node.promoted = true OR NOT coalesce(node.space, 'commons') IN [$space, 'commons'])
            CALL (node) { OPTIONAL MATCH (c:Lesson)-[:PROMOTED_FROM]->(node) RETURN head(collect(c.id)) AS commons }
            RETURN node.id AS id, node.text AS text, score, coalesce(node.apis, []) AS apis, node.space AS space,
                   coalesce(node.promoted, false) AS promoted, coalesce(node.support, 1) AS support, commons
            ORDER BY score DESC
            LIMIT $k""";

    /**
     * A commons lesson from one space lesson: its text, kind, API scope (APPLIES_TO) and documentation (BACKED_BY),
     * and nothing that came from the space's traces (no LEARNED_FROM, task text, code, agents or failures).
     */
    private static final String CREATE_COMMONS = """
            MATCH (src:Lesson {id: $source})
            CREATE (c:Lesson {id: $id, text: src.text, kind: src.kind, status: 'ACTIVE', statusReason: $reason, space: 'commons',
                              promoted: true, apis: coalesce(src.apis, []), support: 0, agents: 0, successes: 0, failures: 0,
                              helpful: 0, unhelpful: 0, trust: coalesce(src.trust, 0.5), contested: false,
                              createdAt: datetime(), updatedAt: datetime()})
            WITH c, src
            CALL (c, src) { CALL db.create.setNodeVectorProperty(c, 'embedding', src.embedding) }
            CALL (c, src) { MATCH (src)-[:APPLIES_TO]->(a:Api) MERGE (c)-[:APPLIES_TO]->(a) }
            CALL (c, src) { MATCH (src)-[:BACKED_BY]->(d:Doc) MERGE (c)-[:BACKED_BY]->(d) }""";

    /** Links space lessons to their commons lesson, whose counts become theirs summed (numbers only, no ids). */
    private static final String LINK_COMMONS = """
            MATCH (c:Lesson {id: $commons})
            CALL (c) {
              UNWIND $members AS m
              MATCH (l:Lesson {id: m})
              MERGE (c)-[:PROMOTED_FROM]->(l)
              SET l.commonsCheckedAt = datetime()
            }
            CALL (c) {
              MATCH (c)-[:PROMOTED_FROM]->(l:Lesson)
              RETURN count(DISTINCT l.space) AS spaces, sum(coalesce(l.support, 1)) AS support, sum(coalesce(l.agents, 0)) AS agents
            }
            SET c.spaces = spaces, c.support = support, c.agents = agents, c.updatedAt = datetime()
            RETURN spaces""";

    private static final String COMMONS_CHECKED = """
            MATCH (l:Lesson {id: $id})
            SET l.commonsCheckedAt = datetime()""";

    /** An active space lesson that may be promoted, with its embedding. */
    public record PromotionCandidate(String id, String space, String text, List<String> apis, float[] vector) {
    }

    /** A lesson near a promotion candidate: another space's, or a commons lesson ({@code promoted}). */
    public record PromotionNeighbour(String id, String text, double similarity, List<String> apis, String space, boolean promoted,
                                     long support, String commons) {
    }

    public List<PromotionCandidate> promotionCandidates(List<String> kinds, int limit) {
        return graph.query(PROMOTION_CANDIDATES, Map.of("kinds", kinds, "limit", limit)).stream()
                .map(r -> new PromotionCandidate(r.get("id").asString(), r.get("space").asString(), r.get("text").asString(),
                        r.get("apis").asList(Value::asString), floats(r.get("vector"))))
                .toList();
    }

    public List<PromotionNeighbour> promotionNeighbours(TransactionContext tx, PromotionCandidate c, List<String> kinds, int k) {
        return tx.run(PROMOTION_NEIGHBOURS, Map.of("vector", c.vector(), "fetch", Math.max(50, k * 8), "k", k, "id", c.id(),
                "space", c.space(), "kinds", kinds)).list(r -> new PromotionNeighbour(r.get("id").asString(), r.get("text").asString(),
                r.get("score").asDouble(), r.get("apis").asList(Value::asString), r.get("space").asString(null),
                r.get("promoted").asBoolean(), r.get("support").asLong(), r.get("commons").asString(null)));
    }

    public void createCommons(TransactionContext tx, String id, String sourceLessonId, String reason) {
        tx.run(CREATE_COMMONS, Map.of("id", id, "source", sourceLessonId, "reason", reason)).consume();
    }

    /** Links the members to the commons lesson; returns how many distinct spaces it now stands for. */
    public long linkCommons(TransactionContext tx, String commonsId, List<String> members) {
        return tx.run(LINK_COMMONS, Map.of("commons", commonsId, "members", members)).single().get("spaces").asLong();
    }

    public void commonsChecked(TransactionContext tx, String lessonId) {
        tx.run(COMMONS_CHECKED, Map.of("id", lessonId)).consume();
    }

    private static float[] floats(Value value) {
        List<Object> list = value.asList();
        float[] vector = new float[list.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = ((Number) list.get(i)).floatValue();
        }
        return vector;
    }

    // ---- audit ---------------------------------------------------------------------------------------------------

    /** A lesson outside {@code $visible} (when given) is not found; within, only what {@code $visible} holds is shown. */
    private static final String LESSON_VIEW = """
            MATCH (l:Lesson {id: $id})
            WHERE $visible IS NULL OR coalesce(l.space, 'commons') IN $visible
            CALL (l) { OPTIONAL MATCH (l)-[:IN_CLUSTER]->(c:LessonCluster) RETURN head(collect(c {.id, .label, .size})) AS cluster }
            CALL (l) { OPTIONAL MATCH (l)-[:MERGED_INTO]->(m:Lesson) RETURN head(collect(m.id)) AS mergedInto }
            CALL (l) {
              MATCH (l)<-[:MERGED_INTO*0..1]-(x:Lesson)-[lf:LEARNED_FROM]->(tr:Trace)
              WHERE $visible IS NULL OR coalesce(tr.space, 'commons') IN $visible
              OPTIONAL MATCH (tr)-[:ATTEMPTED]->(t:Task)
              OPTIONAL MATCH (a:Agent)-[:RECORDED]->(tr)
              WITH x, lf, tr, t, a ORDER BY tr.createdAt, tr.id
              RETURN collect({traceId: tr.id, lessonId: x.id, agent: a.id, taskText: t.text, outcome: tr.outcome,
                              role: coalesce(lf.role, 'source'), createdAt: toString(tr.createdAt)}) AS provenance
            }
            CALL (l) {
              MATCH (d:Lesson)-[:MERGED_INTO]->(l)
              WHERE $visible IS NULL OR coalesce(d.space, 'commons') IN $visible
              WITH d ORDER BY d.createdAt
              RETURN collect(d {.id, .text, .kind, .status, .trust, .support, .agents, .apis}) AS duplicates
            }
            CALL (l) {
              // its own decisions, and the merges of its duplicates into it (with their reasons)
              CALL (l) {
                MATCH (r:CurationRun)-[d:DECIDED]->(l)
                RETURN r, d, l AS about
                UNION
                MATCH (r:CurationRun)-[d:DECIDED {action: 'MERGED'}]->(x:Lesson)-[:MERGED_INTO]->(l)
                WHERE $visible IS NULL OR coalesce(x.space, 'commons') IN $visible
                RETURN r, d, x AS about
              }
              WITH r, d, about ORDER BY d.at, about.id
              RETURN collect({action: d.action, reason: d.reason, at: toString(d.at), runId: r.id, trigger: r.trigger,
                              lesson: about.id}) AS decisions
            }
            CALL (l) {
              MATCH (l)-[s:SUGGESTED_MERGE]-(o:Lesson)
              WHERE $visible IS NULL OR coalesce(o.space, 'commons') IN $visible
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
              AND ($visible IS NULL OR coalesce(l.space, 'commons') IN $visible)
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
        return lessonView(id, null);
    }

    public Optional<LessonView> lessonView(String id, List<String> visible) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("visible", visible);
        List<Record> rows = graph.query(LESSON_VIEW, params);
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
                        d.get("at").asString(null), d.get("runId").asString(), d.get("trigger").asString(null),
                        d.get("lesson").asString())),
                r.get("suggestions").asList(s -> new LessonView.Suggestion(s.get("lesson").asString(), s.get("text").asString(),
                        s.get("similarity").asDouble(0), s.get("status").asString(), s.get("reason").asString(null),
                        s.get("at").asString(null)))));
    }

    public List<LessonSummary> lessons(String status, String cluster, String api, String after, int limit, List<String> visible) {
        Map<String, Object> params = new HashMap<>();
        params.put("visible", visible);
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
