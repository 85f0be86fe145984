package dev.spark.eval;

import java.time.Instant;

/**
 * How an evaluation run was made, so a report can be traced back and repeated.
 *
 * @param commandLine       the command that produced the report
 * @param generatedAt       when the report was made
 * @param durationSeconds   wall-clock time of the whole run
 * @param dataset           the problem file, as given on the command line
 * @param corpusChunks      documentation chunks in the knowledge base
 * @param corpusPages       distinct documentation pages ({@code doc_id}) in the knowledge base
 * @param problemsRead      problems in the dataset file
 * @param problemsWithGold  problems with at least one gold page (the ones page metrics are defined on)
 */
public record RunInfo(String commandLine, Instant generatedAt, double durationSeconds, String dataset,
                      long corpusChunks, long corpusPages, int problemsRead, int problemsWithGold) {
}
