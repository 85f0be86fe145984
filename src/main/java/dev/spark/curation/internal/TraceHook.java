package dev.spark.curation.internal;

import dev.spark.experience.PendingTrace;

/**
 * Called inside a trace's transaction after its lessons are written and before it commits; tests use it to
 * fail the Nth trace's transaction and check that a run killed mid-way leaves whole traces only.
 */
@FunctionalInterface
public interface TraceHook {

    TraceHook NONE = trace -> { };

    void beforeCommit(PendingTrace trace);
}
