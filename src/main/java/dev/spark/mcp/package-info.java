/**
 * Spark for coding agents over the Model Context Protocol: the tools {@code recommend}, {@code record_trace},
 * {@code rate_recommendation}, {@code search_docs}, {@code get_lesson}, {@code resolve_library} and
 * {@code curate}, served on standard input and output ({@code spark mcp}) and as Streamable HTTP at {@code /mcp}
 * of the running service. The tools call the same services as the GraphQL API, with the same validation; what
 * they return from Spark's memory is marked as quoted reference data, never as instructions.
 */
@ApplicationModule(displayName = "MCP", allowedDependencies = {"knowledge", "experience", "recommend", "curation", "validation", "access"})
package dev.spark.mcp;

import org.springframework.modulith.ApplicationModule;
