/**
 * The learning loop: turns the traces agents report into lessons other agents can trust. A run takes the
 * traces not yet curated, extracts lesson candidates (the agent's own lessons, fixes from a failure followed by
 * a success, worked examples), screens them, grounds them in APIs and documentation, merges near-duplicates
 * into canonical lessons without losing any, clusters them, moves them through their lifecycle from ratings and
 * outcomes, and records every decision. One run at a time across instances (a lease in the database); one
 * transaction per trace. Curation is the only writer of Lesson, LessonCluster, CurationRun and CurationLease.
 */
@ApplicationModule(displayName = "Curation", allowedDependencies = {"graph", "ai", "knowledge", "experience", "validation"})
package dev.spark.curation;

import org.springframework.modulith.ApplicationModule;
