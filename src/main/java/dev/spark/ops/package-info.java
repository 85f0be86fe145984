/**
 * Running Spark: what the memory holds ({@link dev.spark.ops.MemoryStats}), the whole memory exported to and
 * imported from JSON Lines ({@link dev.spark.ops.MemoryExport}, {@link dev.spark.ops.MemoryImport}), and the
 * health indicators of the database, the embedding model and the curation backlog.
 */
@ApplicationModule(displayName = "Operations", allowedDependencies = {"graph", "ai"})
package dev.spark.ops;

import org.springframework.modulith.ApplicationModule;
