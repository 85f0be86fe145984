package dev.spark.experience;

import dev.spark.experience.internal.ExperienceRepository;
import java.util.Collection;
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

    /** Marks traces as curated in the caller's transaction, so that they leave the feed when its work commits. */
    public void markCurated(TransactionContext tx, Collection<String> traceIds) {
        repository.markCurated(tx, traceIds);
    }
}
