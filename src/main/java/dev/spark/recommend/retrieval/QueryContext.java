package dev.spark.recommend.retrieval;

import dev.spark.experience.TaskInput;

import java.util.List;

/**
 * What every path may use: the validated task, its embedding (as a query), what the task is about, whether
 * BM25 suits its text (see {@code SearchProperties.fuseFulltext}), and the spaces whose candidate lessons may be
 * served (those the asking agent has recorded traces in; none for an anonymous query), and the spaces whose
 * experience may be served at all ({@code visible}: the caller's space and commons; null when no space is known,
 * which serves every space).
 */
public record QueryContext(TaskInput task, float[] vector, TaskIntent intent, boolean bm25Fits, List<String> spaces,
                           List<String> visible) {

    public QueryContext {
        spaces = List.copyOf(spaces);
        visible = visible == null ? null : List.copyOf(visible);
    }

    /** A query that sees every space. */
    public QueryContext(TaskInput task, float[] vector, TaskIntent intent, boolean bm25Fits, List<String> spaces) {
        this(task, vector, intent, bm25Fits, spaces, null);
    }
}
