package dev.spark.recommend.retrieval;

import dev.spark.recommend.ItemKind;

/**
 * A path's vote for a candidate: its 1-based rank in the path's list, the weight of this vote relative to the
 * path's weight in the recipe (1 for single-list paths), and why, as the item will show it.
 */
public record Vote(ItemKind kind, String ref, int rank, double weight, String why) {
}
