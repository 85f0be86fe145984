package dev.spark.knowledge;

import java.time.Duration;
import java.util.List;

/**
 * What an ingestion did.
 *
 * @param read      records read (good and bad)
 * @param created   new chunks stored
 * @param updated   chunks whose content changed and were replaced
 * @param unchanged chunks already stored with the same content hash (neither written nor embedded)
 * @param removed   stale chunks of re-imported pages that no longer exist
 * @param embedded  texts embedded
 * @param problems  records that were rejected, each naming file and line
 */
public record IngestReport(long read, long created, long updated, long unchanged, long removed, long embedded,
                           List<IngestProblem> problems, Duration elapsed) {

    public IngestReport {
        problems = List.copyOf(problems);
    }

    public boolean failed() {
        return !problems.isEmpty();
    }

    public String summary() {
        return String.format("%d read: %d created, %d updated, %d unchanged, %d removed, %d embedded, %d rejected in %.1f s",
                read, created, updated, unchanged, removed, embedded, problems.size(), elapsed.toMillis() / 1000.0);
    }
}
