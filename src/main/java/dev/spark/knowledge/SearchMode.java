package dev.spark.knowledge;

/** Which indexes a documentation search uses. */
public enum SearchMode {
    /** Lucene BM25 over title, text and API name. */
    FULLTEXT,
    /** k-nearest neighbours over the embeddings. */
    VECTOR,
    /** Both, fused by weighted reciprocal rank (weights in {@link SearchProperties}). */
    HYBRID
}
