/**
 * Who may do what: API keys (stored as SHA-256 hashes, shown once), the {@link dev.spark.access.Caller} a request
 * acts as (agent id, space, role), the one table of operations that need the ADMIN role ({@link AccessPolicy}),
 * the bearer check in front of {@code /graphql} and {@code /mcp} when {@code spark.auth.enabled} is on, and the
 * start-up refusal to listen beyond loopback without it.
 */
@ApplicationModule(displayName = "Access", allowedDependencies = {"graph", "validation"})
package dev.spark.access;

import org.springframework.modulith.ApplicationModule;
