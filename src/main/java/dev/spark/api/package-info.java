/**
 * The service's front doors: GraphQL controllers (schema in {@code src/main/resources/graphql/}) and the
 * mapping of validation failures to GraphQL errors that name the offending argument.
 */
@ApplicationModule(displayName = "API", allowedDependencies = {"knowledge", "experience", "recommend", "curation", "validation"})
package dev.spark.api;

import org.springframework.modulith.ApplicationModule;
