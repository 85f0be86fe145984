/**
 * Traces reported by agents: validation, redaction of secrets, and extraction of the APIs they used and the
 * failure patterns they hit.
 */
package dev.spark.experience;
