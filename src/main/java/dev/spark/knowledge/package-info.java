/**
 * The knowledge base: libraries, their APIs and documentation chunks, the importers that load them
 * (JSONL blobs; Markdown, reStructuredText and plain-text directories) and documentation search.
 */
package dev.spark.knowledge;
