package dev.spark.knowledge.internal;

import dev.spark.knowledge.DocHit;

/** A {@code Doc} node's displayed properties, as read back from the graph. */
public record StoredChunk(String id, String docId, String title, String text, String api, String library,
                          String version, String source) {

    public DocHit hit(double score, int vectorRank, int fulltextRank) {
        return new DocHit(id, docId, title, text, api, library, version, source, score, vectorRank, fulltextRank);
    }
}
