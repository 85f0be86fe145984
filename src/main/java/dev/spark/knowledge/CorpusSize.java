package dev.spark.knowledge;

/**
 * How much documentation the knowledge base holds.
 *
 * @param chunks {@code Doc} nodes
 * @param pages  distinct pages ({@code docId}) they belong to
 */
public record CorpusSize(long chunks, long pages) {
}
