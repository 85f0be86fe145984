package dev.spark.curation;

/**
 * What one curation run did.
 *
 * @param traces   traces curated (each in its own transaction)
 * @param created  new canonical lessons (candidates)
 * @param merged    candidates merged into an existing canonical lesson
 * @param suggested new lessons left with a merge suggestion for review
 */
public record CurationReport(String runId, String trigger, int traces, int created, int merged, int quarantined,
                             int promoted, int retired, int contradicted, int superseded, int clustered, int suggested, long elapsedMs) {

    public String summary() {
        return String.format("Curated %d trace(s) in %d ms: %d lesson(s) created, %d merged, %d quarantined, %d promoted, "
                        + "%d retired, %d contradicted, %d superseded, %d merge suggestion(s) (run %s)", traces, elapsedMs, created, merged,
                quarantined, promoted, retired, contradicted, superseded, suggested, runId);
    }
}
