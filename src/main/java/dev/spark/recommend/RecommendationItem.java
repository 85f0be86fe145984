package dev.spark.recommend;

import java.util.List;

/**
 * One cited item of a recommendation.
 *
 * @param ref     id of the cited node (Doc id, Lesson id, Trace id, FailurePattern signature)
 * @param source  where it comes from: the documentation URL, or {@code lesson:<id>}, {@code trace:<id>}
 * @param docId   the documentation page, for documentation items
 * @param apis    qualified APIs the item documents or applies to
 * @param why     the retrieval paths that found it
 * @param verified false for a candidate lesson: not yet confirmed by other agents or ratings (served only in
 *                 its own space, down-weighted); true for everything else
 */
public record RecommendationItem(ItemKind kind, String ref, String title, String text, String source, String docId,
                                 String library, List<String> apis, double score, List<String> why, boolean verified) {

    public RecommendationItem {
        apis = List.copyOf(apis);
        why = List.copyOf(why);
    }
}
