package dev.spark.knowledge;

/**
 * A documentation chunk found by a search.
 *
 * @param vectorRank   1-based rank in the vector results, 0 when the vector index did not find it
 * @param fulltextRank 1-based rank in the full-text results, 0 when the full-text index did not find it
 */
public record DocHit(String id, String docId, String title, String text, String api, String library, String version,
                     String source, double score, int vectorRank, int fulltextRank) {

    /** Which retrieval paths found this chunk, for explanations. */
    public String foundBy() {
        if (vectorRank > 0 && fulltextRank > 0) {
            return "vector #" + vectorRank + " and full-text #" + fulltextRank;
        }
        return vectorRank > 0 ? "vector #" + vectorRank : "full-text #" + fulltextRank;
    }
}
