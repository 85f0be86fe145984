/**
 * Neo4j wiring: the embedded database (default) or an external URI, the driver, the versioned schema
 * in {@code cypher/migrations}, and a small transactional facade that the other modules use.
 */
@ApplicationModule(displayName = "Graph", allowedDependencies = {})
package dev.spark.graph;

import org.springframework.modulith.ApplicationModule;
