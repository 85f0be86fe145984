package dev.spark.recommend.retrieval;

import java.util.List;

/**
 * One way of finding candidates for a recommendation: it votes for items at ranks, and the recipe that lists it
 * gives its votes their weight in the fusion. A path that needs what another found names it in {@link #needs()}
 * and runs once that one is done; independent paths run side by side.
 */
public interface RetrievalPath {

    /** Index lookups come first; graph walks start from what they found or from what the task names. */
    enum Stage { CANDIDATES, GRAPH }

    /** A short name for logs and documentation. */
    String name();

    default Stage stage() {
        return Stage.CANDIDATES;
    }

    /** The paths whose findings this one reads; a needed path that the recipe does not list found nothing. */
    default List<Class<? extends RetrievalPath>> needs() {
        return List.of();
    }

    /** The candidates this path finds for the query, best first within each kind. */
    Found retrieve(QueryContext query, Earlier earlier);
}
