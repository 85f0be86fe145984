/**
 * The knowledge base: libraries, their APIs and documentation chunks, the importers that load them
 * (JSONL blobs; Markdown, reStructuredText and plain-text directories) and documentation search.
 */
@ApplicationModule(displayName = "Knowledge", allowedDependencies = {"graph", "ai", "validation"})
package dev.spark.knowledge;

import org.springframework.modulith.ApplicationModule;
