package dev.spark.forgetting;

import dev.spark.curation.CurationPause;
import dev.spark.curation.CurationService;
import dev.spark.curation.LessonForgetting;
import dev.spark.experience.EmbeddingBackfill;
import dev.spark.experience.TraceForgetting;
import dev.spark.experience.TraceInput;
import dev.spark.forgetting.internal.ForgettingRepository;
import dev.spark.forgetting.internal.ForgettingRepository.Audit;
import dev.spark.forgetting.internal.ForgettingRepository.Counts;
import dev.spark.graph.Graph;
import dev.spark.graph.WriteBehind;
import dev.spark.knowledge.ApiCatalog;
import dev.spark.recommend.RecommendationAdmin;
import dev.spark.validation.Check;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Forgets a trace, an agent or a space on request, with everything derived from them (docs/security.md,
 * "Forgetting"). Traces go in batches of {@link #TRACES_PER_TRANSACTION}, each batch one transaction in which every
 * owner removes what it derived from them: curation takes back ratings and lessons, recommend deletes the
 * recommendations that quote them, experience deletes the traces, their lone tasks and failure patterns, knowledge
 * the APIs only they named. A request that stops half-way leaves whole batches and a {@code RUNNING} audit record;
 * the same request again finishes it. The curation lease is held throughout, so that no curation run reads a trace
 * while it is being forgotten.
 */
@Service
public class Forgetting {

    static final int TRACES_PER_TRANSACTION = 25;
    static final int NODES_PER_TRANSACTION = 500;
    public static final int MAX_TRACE_ID = 128;

    private static final Logger log = LoggerFactory.getLogger(Forgetting.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private final Graph graph;
    private final TraceForgetting traces;
    private final LessonForgetting lessons;
    private final RecommendationAdmin recommendations;
    private final ApiCatalog apiCatalog;
    private final CurationService curation;
    private final WriteBehind writeBehind;
    private final EmbeddingBackfill backfill;
    private final ForgettingRepository repo;

    public Forgetting(Graph graph, TraceForgetting traces, LessonForgetting lessons, RecommendationAdmin recommendations,
                      ApiCatalog apiCatalog, CurationService curation, WriteBehind writeBehind, EmbeddingBackfill backfill,
                      ForgettingRepository repo) {
        this.graph = graph;
        this.traces = traces;
        this.lessons = lessons;
        this.recommendations = recommendations;
        this.apiCatalog = apiCatalog;
        this.curation = curation;
        this.writeBehind = writeBehind;
        this.backfill = backfill;
        this.repo = repo;
    }

    /**
     * @param requestedBy the channel of the request, a lower-case word ({@code api}, {@code cli})
     * @throws dev.spark.validation.InvalidInputException naming {@code id} for a blank or too long id
     * @throws ForgetSubjectNotFoundException             when no such trace is stored and none was forgotten
     * @throws dev.spark.curation.CurationAlreadyRunningException while a curation run holds the lease
     */
    public ForgetReport forgetTrace(String id, String requestedBy) {
        return forget(ForgetKind.TRACE, Check.text("id", id, MAX_TRACE_ID), requestedBy);
    }

    /**
     * Forgets a trace on its own agent's request: as {@link #forgetTrace}, but a trace that {@code agentId} did not
     * record in {@code spaceId} is not found, exactly like one that does not exist, so another team's trace ids are
     * neither confirmed nor touched (and a trace already forgotten is not found either).
     */
    public ForgetReport forgetOwnTrace(String id, String agentId, String spaceId, String requestedBy) {
        String checked = Check.text("id", id, MAX_TRACE_ID);
        if (!traces.recordedBy(checked, agentId, spaceId)) {
            throw new ForgetSubjectNotFoundException(ForgetKind.TRACE, checked);
        }
        return forget(ForgetKind.TRACE, checked, requestedBy);
    }

    /** Forgets every trace of the agent, the recommendations made for it and the agent; see {@link #forgetTrace}. */
    public ForgetReport forgetAgent(String id, String requestedBy) {
        return forget(ForgetKind.AGENT, Check.text("id", id, TraceInput.MAX_AGENT_ID), requestedBy);
    }

    /** Forgets every trace and lesson of the space, its API keys and the space; see {@link #forgetTrace}. */
    public ForgetReport forgetSpace(String id, String requestedBy) {
        return forget(ForgetKind.SPACE, Check.text("id", id, TraceInput.MAX_SPACE), requestedBy);
    }

    /** Was this subject forgotten? The latest audit record of it, found by the hash of its id. */
    public Optional<ForgetReport> find(ForgetKind kind, String id) {
        String checked = Check.text("id", id, TraceInput.MAX_AGENT_ID);
        return repo.ofSubject(kind.name(), subjectHash(kind, checked)).stream().findFirst().map(Forgetting::report);
    }

    /** SHA-256 (hex) of {@code spark-forget:<KIND>:<id>}: an auditor who knows the id can find its record. */
    public static String subjectHash(ForgetKind kind, String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("spark-forget:" + kind.name() + ":" + id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private ForgetReport forget(ForgetKind kind, String id, String requestedBy) {
        if (requestedBy == null || !CHANNEL.matcher(requestedBy).matches()) {
            throw new IllegalArgumentException("requestedBy must be a lower-case word of at most 32 characters");
        }
        String hash = subjectHash(kind, id);
        List<Audit> earlier = repo.ofSubject(kind.name(), hash);
        Optional<Audit> unfinished = earlier.stream().filter(Audit::running).findFirst();
        if (!exists(kind, id) && unfinished.isEmpty()) {
            return earlier.stream().findFirst().map(a -> report(a).asAlreadyForgotten())
                    .orElseThrow(() -> new ForgetSubjectNotFoundException(kind, id));
        }
        long started = System.nanoTime();
        // recommendations of the agent still queued, and embeddings of its tasks being computed, must land first
        writeBehind.flush();
        backfill.drain();
        try (CurationPause pause = curation.pause("forget")) {
            String auditId = unfinished.map(Audit::id).orElseGet(() -> "forgetting-" + UUID.randomUUID());
            String runId = unfinished.map(Audit::runId).orElseGet(() -> "run-" + UUID.randomUUID());
            graph.write(tx -> {
                repo.open(tx, auditId, kind.name(), hash, requestedBy, runId);
                return null;
            });
            LessonForgetting.Scope scope = switch (kind) {
                case TRACE -> LessonForgetting.Scope.TRACE;
                case AGENT -> new LessonForgetting.Scope(id, null);
                case SPACE -> new LessonForgetting.Scope(null, id);
            };
            while (graph.write(tx -> batch(tx, kind, id, auditId, runId, scope))) {
                pause.renew();
            }
            if (kind == ForgetKind.AGENT) {
                while (graph.write(tx -> recommendationsOfAgent(tx, id, auditId))) {
                    pause.renew();
                }
            }
            if (kind == ForgetKind.SPACE) {
                while (graph.write(tx -> lessonsOfSpace(tx, id, auditId, runId))) {
                    pause.renew();
                }
            }
            ForgetReport report = graph.write(tx -> finish(tx, kind, id, auditId, runId));
            log.info("{} in {} ms", report.summary(), (System.nanoTime() - started) / 1_000_000);
            return report;
        }
    }

    private boolean exists(ForgetKind kind, String id) {
        return switch (kind) {
            case TRACE -> traces.traceExists(id);
            case AGENT -> traces.agentExists(id);
            case SPACE -> traces.spaceExists(id);
        };
    }

    /** One batch of traces, with everything derived from them; false when none was left. */
    private boolean batch(TransactionContext tx, ForgetKind kind, String id, String auditId, String runId, LessonForgetting.Scope scope) {
        List<String> ids = switch (kind) {
            case TRACE -> List.of(id);
            case AGENT -> traces.tracesOfAgent(tx, id, TRACES_PER_TRANSACTION);
            case SPACE -> traces.tracesInSpace(tx, id, TRACES_PER_TRANSACTION);
        };
        TraceForgetting.Footprint footprint = traces.footprint(tx, ids);
        if (footprint.traces().isEmpty()) {
            return false;
        }
        List<String> forgotten = footprint.traces();
        // ratings first: the recommendations they point at may be among those deleted next
        lessons.withdrawCredits(tx, forgotten);
        RecommendationAdmin.Forgotten recs = recommendations.forget(tx, footprint.tasks(), forgotten, lessons.derivedFrom(tx, forgotten),
                footprint.failurePatterns());
        LessonForgetting.Forgotten learned = lessons.forget(tx, runId, forgotten, scope);
        TraceForgetting.Deleted deleted = traces.delete(tx, footprint, recs.tasks());
        long apis = apiCatalog.pruneUnreferenced(tx, footprint.apis());
        repo.add(tx, auditId, new Counts(deleted.traces(), deleted.tasks(), deleted.failurePatterns(), recs.deleted(), learned.retired(),
                learned.rederived(), learned.duplicatesDeleted(), learned.recounted(), apis, 0, 0, 0));
        return kind != ForgetKind.TRACE;
    }

    /** Recommendations made for a forgotten agent (they hold its id and its task texts), a batch at a time. */
    private boolean recommendationsOfAgent(TransactionContext tx, String agentId, String auditId) {
        RecommendationAdmin.Forgotten recs = recommendations.forgetOfAgent(tx, agentId, NODES_PER_TRANSACTION);
        if (recs.deleted() == 0) {
            return false;
        }
        long tasks = traces.deleteLoneTasks(tx, recs.tasks());
        repo.add(tx, auditId, new Counts(0, tasks, 0, recs.deleted(), 0, 0, 0, 0, 0, 0, 0, 0));
        return true;
    }

    private boolean lessonsOfSpace(TransactionContext tx, String spaceId, String auditId, String runId) {
        long retired = lessons.retireSpace(tx, runId, spaceId, NODES_PER_TRANSACTION);
        if (retired == 0) {
            return false;
        }
        repo.add(tx, auditId, new Counts(0, 0, 0, 0, retired, 0, 0, 0, 0, 0, 0, 0));
        return true;
    }

    private ForgetReport finish(TransactionContext tx, ForgetKind kind, String id, String auditId, String runId) {
        long agents = 0;
        long spaces = 0;
        long apiKeys = 0;
        if (kind == ForgetKind.AGENT) {
            agents = traces.deleteAgent(tx, id);
            lessons.scrubMentions(tx, List.of(id));
        } else if (kind == ForgetKind.SPACE) {
            apiKeys = repo.deleteApiKeys(tx, id);
            spaces = traces.deleteSpace(tx, id);
        }
        repo.add(tx, auditId, new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, agents, spaces, apiKeys));
        repo.complete(tx, auditId);
        Audit audit = repo.byId(tx, auditId).orElseThrow();
        Counts c = audit.counts();
        lessons.finish(tx, runId, new LessonForgetting.Forgotten(c.lessonsRetired(), c.lessonsRederived(), c.lessonDuplicatesDeleted(),
                c.lessonsRecounted()));
        return report(audit);
    }

    private static ForgetReport report(Audit a) {
        Counts c = a.counts();
        return new ForgetReport(a.id(), ForgetKind.valueOf(a.kind().toUpperCase(Locale.ROOT)), a.subjectHash(), a.status(), false,
                a.requestedBy(), a.runId(), a.startedAt(), a.finishedAt(), c.traces(), c.tasks(), c.failurePatterns(), c.recommendations(),
                c.lessonsRetired(), c.lessonsRederived(), c.lessonDuplicatesDeleted(), c.lessonsRecounted(), c.apis(), c.agents(),
                c.spaces(), c.apiKeys());
    }
}
