package dev.spark.eval;

/**
 * The mean of one metric over a group of problems.
 *
 * @param mean the arithmetic mean
 * @param n    how many problems it is over: those where the metric is defined
 */
public record Mean(double mean, int n) {
}
