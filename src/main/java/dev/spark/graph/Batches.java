package dev.spark.graph;

import java.util.function.IntToLongFunction;

/** Large deletions as a series of bounded transactions, so that no single transaction holds a whole store. */
public final class Batches {

    /** Nodes deleted per transaction by the modules' {@code forgetAll} operations. */
    public static final int DELETE_BATCH = 5_000;

    private Batches() {
    }

    /**
     * Runs {@code batch} (given the batch size, returning how many it handled, each call its own transaction) until
     * a call handles nothing; returns the total.
     */
    public static long untilNone(IntToLongFunction batch) {
        long total = 0;
        long done;
        do {
            done = batch.applyAsLong(DELETE_BATCH);
            total += done;
        } while (done > 0);
        return total;
    }
}
