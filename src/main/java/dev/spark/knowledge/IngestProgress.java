package dev.spark.knowledge;

/** Progress of an ingestion, for a terminal progress bar or a log. */
public interface IngestProgress {

    IngestProgress NONE = new IngestProgress() {
    };

    /** The number of records expected (an estimate from line counts). */
    default void start(long expectedRecords) {
    }

    default void advance(long records) {
    }

    default void finish() {
    }
}
