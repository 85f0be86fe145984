/**
 * LangChain4j wiring: the in-process embedding model that every vector in the graph comes from, and the
 * optional chat model (Ollama) behind the AI-service interfaces used for synthesis and generalisation.
 */
@ApplicationModule(displayName = "AI", allowedDependencies = {})
package dev.spark.ai;

import org.springframework.modulith.ApplicationModule;
