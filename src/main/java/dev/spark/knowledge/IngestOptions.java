package dev.spark.knowledge;

import dev.spark.validation.Check;

/**
 * @param library      library of Markdown/RST/text pages (JSONL records name their own); null: the directory name
 * @param version      library version of those pages, may be null
 * @param batchSize    records per embedding batch and per transaction
 * @param maxChunkChars size cap of chunks split from text pages
 */
public record IngestOptions(String library, String version, int batchSize, int maxChunkChars) {

    /** Smallest size cap of text chunks: below it a chunk holds too little text to be worth embedding. */
    public static final int MIN_CHUNK_CHARS = 100;

    /** Largest batch: one batch is one transaction, and its embeddings are held in memory until it commits. */
    public static final int MAX_BATCH_SIZE = 10_000;

    /**
     * Records per batch by default: a batch's write runs beside the next batch's embedding on the same cores, and part
     * of its cost is per commit (index updates, the log force), so 256 records per commit leave the embedding more of
     * the CPU than 64 did (docs/benchmarks.md, "Ingestion per library against raw embedding").
     */
    public static final int DEFAULT_BATCH_SIZE = 256;

    public static IngestOptions defaults() {
        return new IngestOptions(null, null, DEFAULT_BATCH_SIZE, 2_000);
    }

    /** Checks every option against its limits; errors name the field ({@code maxChunkChars}, ...). */
    public IngestOptions validated() {
        Check.optionalText("library", library, DocRecord.MAX_LIBRARY);
        Check.optionalText("version", version, 64);
        Check.range("batchSize", batchSize, 1, MAX_BATCH_SIZE);
        // a chunk is stored as one record, so the cap cannot exceed what a record may hold
        Check.range("maxChunkChars", maxChunkChars, MIN_CHUNK_CHARS, DocRecord.MAX_TEXT);
        return this;
    }
}
