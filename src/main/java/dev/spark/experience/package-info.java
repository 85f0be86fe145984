/**
 * Traces reported by agents: validation, redaction of secrets, and extraction of the APIs they used and the
 * failure patterns they hit.
 */
@ApplicationModule(displayName = "Experience", allowedDependencies = {"graph", "ai", "knowledge", "validation"})
package dev.spark.experience;

import org.springframework.modulith.ApplicationModule;
