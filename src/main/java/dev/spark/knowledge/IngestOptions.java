package dev.spark.knowledge;

/**
 * @param library      library of Markdown/RST/text pages (JSONL records name their own); null: the directory name
 * @param version      library version of those pages, may be null
 * @param batchSize    records per embedding batch and per transaction
 * @param maxChunkChars size cap of chunks split from text pages
 */
public record IngestOptions(String library, String version, int batchSize, int maxChunkChars) {

    public static IngestOptions defaults() {
        return new IngestOptions(null, null, 64, 2_000);
    }
}
