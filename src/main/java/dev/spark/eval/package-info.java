/**
 * The DS-1000 evaluation harness: problems, retrieval metrics, and reports.
 */
package dev.spark.eval;
