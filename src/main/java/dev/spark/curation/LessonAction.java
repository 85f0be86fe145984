package dev.spark.curation;

/** What curation decided about a lesson; each decision is a DECIDED edge from its run to the lesson. */
public enum LessonAction {
    /** A new canonical lesson, served as a candidate in its own space. */
    CREATED,
    /** A near-duplicate kept as its own node, pointing at the canonical lesson that now counts its support. */
    MERGED,
    /** Held back for good: instructions to agents, dangerous calls or a secret (or by a knowledge engineer). */
    QUARANTINED,
    /** From candidate to active: supported by enough distinct agents or rated helpful by another agent. */
    PROMOTED,
    /** No longer served: low trust after enough evidence, or superseded. */
    RETIRED,
    /** Contradicts another lesson; both are held back until evidence separates them. */
    CONTRADICTED,
    /** Won a contradiction: the loser is retired. */
    SUPERSEDED,
    /** Joined or started a cluster of related lessons. */
    CLUSTERED,
    /** Released from quarantine by a knowledge engineer. */
    RELEASED,
    /** Possibly the same advice as another lesson: a merge suggestion waits for a knowledge engineer's review. */
    SUGGESTED,
    /** A reviewed merge suggestion: the two lessons give different advice and stay apart. */
    KEPT_APART,
    /**
     * The same advice is active in enough spaces: a commons lesson (text and API scope only) was created or linked to
     * one more space's lesson. Recorded on the commons lesson, without naming the spaces.
     */
    PROMOTED_TO_COMMONS,
    /**
     * The lesson's text came from a forgotten trace: it now holds the text and provenance of its oldest remaining
     * duplicate (docs/security.md, "Forgetting").
     */
    REDERIVED,
    /** Support, agents and outcomes counted again after traces it was learned from were forgotten. */
    RECOUNTED
}
