package dev.spark.curation.internal;

/** The typed answer of {@link AdviceComparer}. */
public record AdviceComparison(Relation relation, String reason) {

    /** How the advice of two lessons relates. */
    public enum Relation {
        SAME, DIFFERENT, OPPOSITE
    }
}
