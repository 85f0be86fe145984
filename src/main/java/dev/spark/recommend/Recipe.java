package dev.spark.recommend;

/** Named configurations of the one retrieval pipeline; the evaluation compares them side by side. */
public enum Recipe {
    /** Documentation by BM25 only. */
    FULLTEXT(false, true, false),
    /** Documentation by embedding similarity only. */
    VECTOR(true, false, false),
    /** Documentation by both, fused. */
    HYBRID(true, true, false),
    /** Hybrid documentation plus lessons, similar past tasks and the graph walks from them. */
    FULL(true, true, true);

    private final boolean vector;
    private final boolean fulltext;
    private final boolean experience;

    Recipe(boolean vector, boolean fulltext, boolean experience) {
        this.vector = vector;
        this.fulltext = fulltext;
        this.experience = experience;
    }

    public boolean vector() {
        return vector;
    }

    public boolean fulltext() {
        return fulltext;
    }

    public boolean experience() {
        return experience;
    }
}
