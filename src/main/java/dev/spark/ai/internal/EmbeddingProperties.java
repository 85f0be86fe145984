package dev.spark.ai.internal;

import dev.spark.ai.EmbeddingModelChoice;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param model        the in-process embedding model ({@code SPARK_EMBEDDING_MODEL})
 * @param maxChars     texts are cut to this many characters before embedding; the models read at most
 *                     512 tokens per window, and longer texts are averaged over windows, which costs time
 *                     and blurs the vector
 * @param queryCache   query embeddings kept (when full, the rarely asked go first), so that a task asked again is
 *                     not embedded again; 0 turns the cache off
 */
@ConfigurationProperties("spark.embedding")
public record EmbeddingProperties(
        @DefaultValue("BGE_SMALL_EN_V15_Q") EmbeddingModelChoice model,
        @DefaultValue("2000") int maxChars,
        @DefaultValue("2048") int queryCache) {
}
