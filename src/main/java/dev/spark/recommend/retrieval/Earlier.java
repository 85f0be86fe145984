package dev.spark.recommend.retrieval;

import java.util.Map;

/** The findings of the paths a path {@link RetrievalPath#needs() needs}. */
public record Earlier(Map<Class<? extends RetrievalPath>, Found> found) {

    public static final Earlier NONE = new Earlier(Map.of());

    public Earlier {
        found = Map.copyOf(found);
    }

    /** What that path found; nothing if it did not run. */
    public Found of(Class<? extends RetrievalPath> path) {
        return found.getOrDefault(path, Found.NOTHING);
    }
}
