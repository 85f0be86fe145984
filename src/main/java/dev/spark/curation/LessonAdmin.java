package dev.spark.curation;

import dev.spark.ai.TextEmbedder;
import dev.spark.curation.internal.CurationRepository;
import dev.spark.curation.internal.Decision;
import dev.spark.graph.Batches;
import dev.spark.graph.Graph;
import dev.spark.validation.Check;
import dev.spark.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A knowledge engineer's overrides: release a quarantined lesson (a false alarm of the screen) or quarantine one
 * that should not be served. Each is recorded like any curation decision, under a run of trigger {@code manual}.
 * For evaluations and operators starting over, {@link #forgetAll()} deletes everything curation has learned.
 */
@Service
public class LessonAdmin {

    public static final int MAX_REASON = 1_000;
    private static final List<String> LIVE = List.of("CANDIDATE", "ACTIVE");


    private final CurationRepository repo;
    private final TextEmbedder embedder;
    private final Graph graph;
    private final CurationProperties props;

    public LessonAdmin(CurationRepository repo, TextEmbedder embedder, Graph graph, CurationProperties props) {
        this.repo = repo;
        this.embedder = embedder;
        this.graph = graph;
        this.props = props;
    }

    /** Pending merge suggestions between live lessons, oldest first. */
    public List<MergeSuggestionView> mergeSuggestions(int first) {
        return repo.pendingSuggestions(Check.range("first", first, 1, LessonAudit.MAX_PAGE));
    }

    /**
     * Settles a pending merge suggestion between two live lessons. With {@code merge}, {@code lesson} becomes a merged
     * duplicate of {@code into}: it keeps its node, text and provenance, and {@code into} takes over its support,
     * outcomes, ratings and agents (and is promoted if that makes enough agents). Otherwise both stay apart and the
     * suggestion is closed. Either way the review is a recorded decision, in one transaction.
     */
    public LessonView resolveSuggestion(String lesson, String into, boolean merge, String reason) {
        String lessonId = Check.text("lesson", lesson, LessonAudit.MAX_ID);
        String intoId = Check.text("into", into, LessonAudit.MAX_ID);
        String why = Check.text("reason", reason, MAX_REASON);
        existing(lessonId);
        if (lessonId.equals(intoId)) {
            throw new InvalidInputException("into", "must name another lesson than 'lesson'");
        }
        graph.write(tx -> {
            CurationRepository.Suggestion s = repo.pendingSuggestion(tx, lessonId, intoId).orElseThrow(() -> new InvalidInputException(
                    "into", "no pending merge suggestion between lessons " + lessonId + " and " + intoId));
            if (!LIVE.contains(s.status()) || !LIVE.contains(s.otherStatus())) {
                throw new InvalidInputException("lesson", "both lessons must be CANDIDATE or ACTIVE to be reviewed; they are "
                        + s.status() + " and " + s.otherStatus());
            }
            String runId = "run-" + UUID.randomUUID();
            repo.reviewRun(tx, runId, "review", merge ? 1 : 0);
            List<Decision> decisions = new ArrayList<>();
            if (merge) {
                String text = "merged into " + intoId + " by review: " + why;
                CurationRepository.Absorbed absorbed = repo.reviewedMerge(tx, lessonId, intoId, s.similarity(), s.overlap(), text);
                decisions.add(new Decision(lessonId, LessonAction.MERGED, text));
                if ("CANDIDATE".equals(absorbed.status()) && absorbed.agents() >= props.promoteAgents()) {
                    String promoted = "supported by " + absorbed.agents() + " distinct agents";
                    repo.setStatus(tx, intoId, "ACTIVE", promoted);
                    decisions.add(new Decision(intoId, LessonAction.PROMOTED, promoted));
                }
            } else {
                decisions.add(new Decision(lessonId, LessonAction.KEPT_APART, "kept apart from " + intoId + " by review: " + why));
                decisions.add(new Decision(intoId, LessonAction.KEPT_APART, "kept apart from " + lessonId + " by review: " + why));
            }
            repo.closeSuggestion(tx, lessonId, intoId, merge, why);
            repo.decide(tx, runId, decisions);
            return null;
        });
        return existing(lessonId);
    }

    /** Makes a quarantined lesson a candidate again (searchable, served unverified in its space). */
    public LessonView release(String id, String reason) {
        String lessonId = Check.text("id", id, LessonAudit.MAX_ID);
        String why = Check.text("reason", reason, MAX_REASON);
        LessonView lesson = existing(lessonId);
        if (!"QUARANTINED".equals(lesson.status())) {
            throw new InvalidInputException("id", "lesson " + lessonId + " is " + lesson.status() + ", not QUARANTINED");
        }
        float[] vector = embedder.embedDocument(lesson.text());
        repo.manualDecision("run-" + UUID.randomUUID(), new Decision(lessonId, LessonAction.RELEASED, why), "CANDIDATE", vector);
        return existing(lessonId);
    }

    /** Withdraws a lesson from serving, whatever its status. */
    public LessonView quarantine(String id, String reason) {
        String lessonId = Check.text("id", id, LessonAudit.MAX_ID);
        String why = Check.text("reason", reason, MAX_REASON);
        LessonView lesson = existing(lessonId);
        if ("QUARANTINED".equals(lesson.status())) {
            throw new InvalidInputException("id", "lesson " + lessonId + " is already QUARANTINED");
        }
        repo.manualDecision("run-" + UUID.randomUUID(), new Decision(lessonId, LessonAction.QUARANTINED, why), "QUARANTINED", null);
        return existing(lessonId);
    }

    /**
     * Deletes every lesson, lesson cluster, curation run and the curation lease, in batches; returns how many
     * nodes were deleted. Traces are experience's: their {@code Uncurated} labels are not restored, so forget
     * experience too (as the evaluation does) when starting over. Not meant to run while a curation run is active.
     */
    public long forgetAll() {
        return Batches.untilNone(repo::forgetBatch);
    }

    private LessonView existing(String id) {
        return repo.lessonView(id).orElseThrow(() -> new InvalidInputException("id", "no lesson has the id '" + id + "'"));
    }

}
