/**
 * Forgetting on request: a trace, an agent or a whole space, with everything derived from them, in bounded
 * transactions that a repeated request finishes; an audit record without content remains. The only module that
 * may call the owners of traces (experience), lessons (curation) and recommendations (recommend) in one
 * transaction; each owner deletes its own nodes.
 */
@ApplicationModule(displayName = "Forgetting", allowedDependencies = {"graph", "knowledge", "experience", "recommend", "curation", "validation"})
package dev.spark.forgetting;

import org.springframework.modulith.ApplicationModule;
