/**
 * The DS-1000 evaluation harness: problems, retrieval metrics, and reports.
 */
@ApplicationModule(displayName = "Evaluation", allowedDependencies = {"graph", "ai", "knowledge", "experience", "recommend", "curation"})
package dev.spark.eval;

import org.springframework.modulith.ApplicationModule;
