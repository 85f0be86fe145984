/**
 * The service's front doors: GraphQL controllers (schema in {@code src/main/resources/graphql/}) and the
 * mapping of bad input to BAD_REQUEST errors that name the offending field, whether a service rejected it
 * or the GraphQL type system did.
 */
@ApplicationModule(displayName = "API", allowedDependencies = {"knowledge", "experience", "recommend", "curation", "forgetting", "validation", "access"})
package dev.spark.api;

import org.springframework.modulith.ApplicationModule;
