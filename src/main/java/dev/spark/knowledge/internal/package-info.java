/**
 * The knowledge module's Cypher (Library, Api and Doc nodes and their indexes) and the records its rows map into.
 */
package dev.spark.knowledge.internal;
