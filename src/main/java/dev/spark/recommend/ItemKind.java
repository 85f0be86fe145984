package dev.spark.recommend;

/** What a recommendation item is. */
public enum ItemKind {
    /** A documentation chunk. */
    DOCUMENTATION,
    /** A lesson learned from traces. */
    LESSON,
    /** A failure pattern that agents hit on this kind of task or API. */
    PITFALL,
    /** The code of a successful trace on a similar task. */
    EXAMPLE
}
