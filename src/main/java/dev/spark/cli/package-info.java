/**
 * The command line of the Spark jar: {@code serve} (default), {@code ingest docs}, {@code curate}, {@code mcp}, {@code bench},
 * {@code eval}, {@code stats}, {@code export}, {@code import}.
 * Commands that touch the database talk to a running Spark over Bolt when one listens on the configured
 * port, and open the embedded database themselves otherwise.
 */
@ApplicationModule(displayName = "Command line", allowedDependencies = {"graph", "ai", "knowledge", "experience", "recommend", "curation", "forgetting", "eval", "mcp", "validation", "ops", "access"})
package dev.spark.cli;

import org.springframework.modulith.ApplicationModule;
