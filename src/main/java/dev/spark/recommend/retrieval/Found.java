package dev.spark.recommend.retrieval;

import java.util.List;

/** What one path found: its votes in the order it cast them, and what it learned about the candidates. */
public record Found(List<Vote> votes, Evidence evidence) {

    public static final Found NOTHING = new Found(List.of(), Evidence.NONE);

    public Found {
        votes = List.copyOf(votes);
    }
}
