package dev.spark.curation;

import dev.spark.ai.TextEmbedder;
import dev.spark.curation.internal.CurationRepository;
import dev.spark.curation.internal.Decision;
import dev.spark.graph.Batches;
import dev.spark.validation.Check;
import dev.spark.validation.InvalidInputException;
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


    private final CurationRepository repo;
    private final TextEmbedder embedder;

    public LessonAdmin(CurationRepository repo, TextEmbedder embedder) {
        this.repo = repo;
        this.embedder = embedder;
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
