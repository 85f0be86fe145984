/**
 * The retrieval agent: turns a coding task into a recommendation. Intent analysis, candidates gathered in
 * parallel (documentation, lessons, similar past tasks), graph walks from them, weighted reciprocal-rank fusion
 * with lesson quality, and a written recommendation (an LLM when configured, a template otherwise) citing
 * its items. The pipeline is configured by named {@link dev.spark.recommend.Recipe recipes}.
 */
@ApplicationModule(displayName = "Recommend", allowedDependencies = {"graph", "ai", "knowledge", "experience", "validation"})
package dev.spark.recommend;

import org.springframework.modulith.ApplicationModule;
