package dev.spark.curation;

/**
 * A pending merge suggestion: {@code lesson} may give the same advice as the older {@code other}, by an embedding
 * similarity below the automatic merge threshold. A knowledge engineer merges them or keeps them apart.
 */
public record MergeSuggestionView(String lesson, String text, String other, String otherText, double similarity, double apiOverlap,
                                  String at) {
}
