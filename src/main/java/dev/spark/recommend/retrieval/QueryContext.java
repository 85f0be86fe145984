package dev.spark.recommend.retrieval;

import dev.spark.experience.TaskInput;

/**
 * What every path may use: the validated task, its embedding (as a query), what the task is about, and whether
 * BM25 suits its text (see {@code SearchProperties.fuseFulltext}).
 */
public record QueryContext(TaskInput task, float[] vector, TaskIntent intent, boolean bm25Fits) {
}
