/**
 * Input validation shared by every entry point (GraphQL, MCP, CLI): one exception type that names the
 * offending field, and the checks that produce it.
 */
@ApplicationModule(displayName = "Validation", allowedDependencies = {})
package dev.spark.validation;

import org.springframework.modulith.ApplicationModule;
