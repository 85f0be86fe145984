package dev.spark.knowledge.internal;

import java.util.List;

/** An {@code Api} node with the chunks that document it, ordered by chunk id. */
public record StoredApi(String qualifiedName, String kind, String library, List<String> aliases,
                        List<StoredChunk> docs) {
}
