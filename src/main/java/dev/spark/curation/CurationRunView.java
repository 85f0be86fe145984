package dev.spark.curation;

/** A recorded curation run. Counts are null while it runs. */
public record CurationRunView(String id, String trigger, String status, String startedAt, String finishedAt, Long traces,
                              Long created, Long merged, Long quarantined, Long promoted, Long retired, Long released,
                              String error) {
}
