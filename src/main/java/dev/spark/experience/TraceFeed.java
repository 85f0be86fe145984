package dev.spark.experience;

import dev.spark.experience.internal.ExperienceRepository;
import java.util.List;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * The traces curation has not seen yet. A trace is pending exactly while it carries the label {@code Uncurated},
 * which {@link TraceRecorder} sets in the transaction that creates it: no timestamp watermark, so a trace that
 * commits late is never skipped.
 */
@Service
public class TraceFeed {

    private final ExperienceRepository repository;

    public TraceFeed(ExperienceRepository repository) {
        this.repository = repository;
    }

    /** Up to {@code limit} pending traces, oldest first. */
    public List<PendingTrace> pending(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return repository.uncurated(limit);
    }

    /**
     * Takes one trace out of the feed in the caller's transaction; false when another transaction already did (a
     * second curation run that took over an expired lease, say), in which case the caller must not curate it again.
     */
    public boolean claim(TransactionContext tx, String traceId) {
        return repository.claim(tx, traceId);
    }

    /**
     * Records that curating a trace failed (in its own transaction). After {@code maxAttempts} failures the trace leaves
     * the feed, labelled {@code CurationFailed} with its last error, and later runs go past it; returns whether it did.
     * docs/curation.md gives the query that re-queues it once the cause is fixed.
     */
    public boolean failed(String traceId, String error, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        String message = error == null ? "unknown error" : error.length() > 1_000 ? error.substring(0, 1_000) : error;
        return repository.curationFailed(traceId, message, maxAttempts);
    }
}
