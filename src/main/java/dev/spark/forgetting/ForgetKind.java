package dev.spark.forgetting;

/** What a request forgets. */
public enum ForgetKind {
    /** One trace. */
    TRACE,
    /** An agent: every trace it recorded, the recommendations made for it and the agent itself. */
    AGENT,
    /** A space: every trace and lesson in it, its API keys and the space itself. */
    SPACE
}
