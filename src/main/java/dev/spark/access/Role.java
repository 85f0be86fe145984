package dev.spark.access;

/** What a key may do: an agent records and reads within its space; an admin also changes shared state. */
public enum Role {
    AGENT,
    ADMIN
}
