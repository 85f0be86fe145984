package dev.spark.knowledge.ingest;

import dev.spark.knowledge.DocRecord;
import dev.spark.knowledge.IngestProblem;

/** Where a reader hands what it read: good records, and problems naming file and line. */
public interface DocSink {

    void record(DocRecord record);

    void problem(IngestProblem problem);
}
