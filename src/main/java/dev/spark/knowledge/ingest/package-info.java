/**
 * Readers of the documentation importers: JSONL blobs and Markdown, reStructuredText and plain-text pages,
 * handing records and problems to a {@link dev.spark.knowledge.ingest.DocSink}.
 */
package dev.spark.knowledge.ingest;
