package dev.spark.knowledge;

/** Where a reader hands what it read: good records, and problems naming file and line. */
interface DocSink {

    void record(DocRecord record);

    void problem(IngestProblem problem);
}
