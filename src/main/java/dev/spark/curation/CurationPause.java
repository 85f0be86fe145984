package dev.spark.curation;

import dev.spark.curation.internal.CurationRepository;

/**
 * The curation lease held by work that must not run alongside a curation run (forgetting: a run could otherwise
 * read a trace, and write a lesson from it, after the trace was deleted). Renew it between batches; closing
 * releases it.
 */
public final class CurationPause implements AutoCloseable {

    private final CurationRepository repo;
    private final String name;
    private final String holder;
    private final long ttlSeconds;

    CurationPause(CurationRepository repo, String name, String holder, long ttlSeconds) {
        this.repo = repo;
        this.name = name;
        this.holder = holder;
        this.ttlSeconds = ttlSeconds;
    }

    /**
     * @throws IllegalStateException when the lease expired and another holder took it: the work must stop, as a
     *                               curation run may be running now
     */
    public void renew() {
        if (!repo.renewLease(name, holder, ttlSeconds)) {
            throw new IllegalStateException("the curation lease expired and was taken over by another holder");
        }
    }

    @Override
    public void close() {
        repo.releaseLease(name, holder);
    }
}
