/**
 * Input validation shared by every entry point (GraphQL, MCP, CLI): one exception type that names the
 * offending field; {@link dev.spark.validation.Inputs}, which checks input records against their Bean Validation
 * annotations (the one statement of their limits) and names fields as callers spell them
 * ({@link dev.spark.validation.InputName}); and {@link dev.spark.validation.Check} for single service arguments.
 */
@ApplicationModule(displayName = "Validation", allowedDependencies = {})
package dev.spark.validation;

import org.springframework.modulith.ApplicationModule;
