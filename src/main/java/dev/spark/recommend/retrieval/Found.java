package dev.spark.recommend.retrieval;

import java.util.ArrayList;
import java.util.List;

/** What one path found: its votes in the order it cast them, and what it learned about the candidates. */
public record Found(List<Vote> votes, Evidence evidence) {

    public static final Found NOTHING = new Found(List.of(), Evidence.NONE);

    public Found {
        votes = List.copyOf(votes);
    }

    /** These votes, then {@code more}'s; the evidence of both. */
    public Found and(Found more) {
        List<Vote> all = new ArrayList<>(votes);
        all.addAll(more.votes());
        return new Found(all, evidence.and(more.evidence()));
    }
}
