package dev.spark.curation.internal;

import dev.spark.curation.CurationProperties;
import dev.spark.experience.Outcome;

/**
 * What one trace that followed a recommendation says about the lessons it cited: one observation for its rating and
 * one for its outcome. Curation adds it when it curates the trace; forgetting the trace takes the same amount back.
 */
public record Evidence(int helpful, int unhelpful) {

    public static Evidence of(Integer rating, Outcome outcome, CurationProperties props) {
        int helpful = (rating != null && rating >= props.helpfulRating() ? 1 : 0) + (outcome == Outcome.SUCCESS ? 1 : 0);
        int unhelpful = (rating != null && rating <= props.unhelpfulRating() ? 1 : 0) + (outcome == Outcome.FAILURE ? 1 : 0);
        return new Evidence(helpful, unhelpful);
    }
}
