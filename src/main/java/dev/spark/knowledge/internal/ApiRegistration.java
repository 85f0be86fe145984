package dev.spark.knowledge.internal;

/** The properties an {@code Api} node gets when code names it before any documentation does. */
public record ApiRegistration(String qualifiedName, String kind, String library, String name) {
}
