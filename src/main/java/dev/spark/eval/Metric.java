package dev.spark.eval;

import java.util.Arrays;

/**
 * The metrics the harness reports, with their stable keys in {@code report.json} and their display labels.
 * Results may carry other keys too; these are the ones the charts draw.
 */
public enum Metric {
    NDCG_AT_10("ndcg_at_10", "NDCG@10"),
    RECALL_AT_10("recall_at_10", "Recall@10"),
    MRR_AT_10("mrr_at_10", "MRR@10"),
    /** Over documentation items only, as the data set's README defines it (comparable with its reference figures). */
    API_RECALL_AT_10("api_recall_at_10", "API R@10 (docs)"),
    /** Over every item: documentation, lessons, worked examples and pitfalls. */
    API_RECALL_ALL_ITEMS_AT_10("api_recall_all_items_at_10", "API R@10 (all items)"),
    LIBRARY_OF_TOP_CORRECT("library_of_top_correct", "Library of top hit");

    private final String key;
    private final String label;

    Metric(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The display label of a metric key; unknown keys are shown as they are. */
    public static String labelOf(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).map(Metric::label).findFirst().orElse(key);
    }

    /** Position for ordering columns: known metrics in declaration order, then the rest. */
    static int order(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).mapToInt(Enum::ordinal).findFirst().orElse(values().length);
    }
}
