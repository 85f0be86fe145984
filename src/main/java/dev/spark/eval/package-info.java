/**
 * The DS-1000 evaluation harness: problems, retrieval metrics, and reports.
 */
@ApplicationModule(displayName = "Evaluation", allowedDependencies = {"graph", "ai", "knowledge", "experience", "recommend"})
package dev.spark.eval;

import org.springframework.modulith.ApplicationModule;
