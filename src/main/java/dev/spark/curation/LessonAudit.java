package dev.spark.curation;

import dev.spark.curation.internal.CurationRepository;
import dev.spark.knowledge.DocRecord;
import dev.spark.validation.Check;
import dev.spark.validation.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Read access for auditors: a lesson with its provenance and decisions, lesson listings, curation runs. */
@Service
public class LessonAudit {

    public static final int MAX_PAGE = 100;
    /** Longest lesson, cluster id or page cursor accepted (ids are generated, far shorter). */
    public static final int MAX_ID = 128;
    /** Longest qualified API name accepted, as for documentation. */
    public static final int MAX_API = DocRecord.MAX_API;
    static final String COMMONS = "commons";
    /** Longest space name accepted, as for traces. */
    public static final int MAX_SPACE = 64;
    private static final Set<String> STATUSES = Set.of("CANDIDATE", "ACTIVE", "RETIRED", "QUARANTINED", "MERGED");

    private final CurationRepository repo;

    public LessonAudit(CurationRepository repo) {
        this.repo = repo;
    }

    public Optional<LessonView> lesson(String id) {
        return lesson(id, null);
    }

    /**
     * A lesson as seen from {@code space}: one of another space is not found at all (its existence is not
     * confirmed); one of the space or of commons shows only what belongs to the space and commons. A null space
     * sees everything.
     */
    public Optional<LessonView> lesson(String id, String space) {
        String lessonId = Check.text("id", id, MAX_ID);
        return repo.lessonView(lessonId, visible(space));
    }

    /** The spaces a caller of {@code space} sees: it and commons; null (everything) for no space. */
    static List<String> visible(String space) {
        Check.optionalText("space", space, MAX_SPACE);
        return space == null ? null : COMMONS.equals(space) ? List.of(space) : List.of(space, COMMONS);
    }

    /**
     * Lessons in id order, optionally of one status, cluster or API.
     *
     * @param first 1-{@value #MAX_PAGE}
     * @param after the {@code endCursor} of the previous page, or null
     */
    public LessonPage lessons(String status, String cluster, String api, int first, String after) {
        return lessons(status, cluster, api, first, after, null);
    }

    /** As {@link #lessons(String, String, String, int, String)}, only the lessons of {@code space} and commons (null: all). */
    public LessonPage lessons(String status, String cluster, String api, int first, String after, String space) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInputException("status", "must be one of " + STATUSES);
        }
        Check.range("first", first, 1, MAX_PAGE);
        List<LessonSummary> rows = repo.lessons(status, Check.optionalText("cluster", cluster, MAX_ID),
                Check.optionalText("api", api, MAX_API), Check.optionalText("after", after, MAX_ID), first + 1, visible(space));
        boolean more = rows.size() > first;
        List<LessonSummary> page = more ? rows.subList(0, first) : rows;
        return new LessonPage(List.copyOf(page), page.isEmpty() ? null : page.get(page.size() - 1).id(), more);
    }

    /** The latest runs, newest first; {@code first} 1-{@value #MAX_PAGE}. */
    public List<CurationRunView> runs(int first) {
        return repo.runs(Check.range("first", first, 1, MAX_PAGE));
    }
}
