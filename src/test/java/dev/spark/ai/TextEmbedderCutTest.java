package dev.spark.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A query is embedded from its first max-query-chars characters, a stored passage from its first max-chars. */
class TextEmbedderCutTest {

    private static final String PREFIX = "Represent this sentence for searching relevant passages: ";

    @Test
    void aQueryIsCutAtMaxQueryCharsAndAPassageAtMaxChars() {
        TextEmbedderCacheTest.CountingModel model = new TextEmbedderCacheTest.CountingModel();
        TextEmbedder embedder = new TextEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, model, 30, 12, 0);
        String text = "Select rows by position, then plot them with a rolling mean";

        embedder.embedQuery(text);
        embedder.embedDocument(text);
        embedder.embedDocuments(List.of(text));

        assertThat(model.texts).containsExactly(PREFIX + text.substring(0, 12), text.substring(0, 30), text.substring(0, 30));
        assertThat(embedder.maxQueryChars()).isEqualTo(12);
        assertThat(embedder.maxChars()).isEqualTo(30);
    }

    @Test
    void tasksThatDifferOnlyAfterTheCutShareOneEmbedding() {
        TextEmbedderCacheTest.CountingModel model = new TextEmbedderCacheTest.CountingModel();
        TextEmbedder embedder = new TextEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, model, 2_000, 20, 16);

        embedder.embedQuery("Normalise a 2D array as a whole, data: [[1, 2], [3, 4]]");
        embedder.embedQuery("Normalise a 2D array as a whole, data: [[5, 6], [7, 8]]");

        assertThat(model.texts).hasSize(1);
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        TextEmbedderCacheTest.CountingModel model = new TextEmbedderCacheTest.CountingModel();
        TextEmbedder embedder = new TextEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, model, 2_000, 5, 0);

        embedder.embedQuery("abcd\uD83D\uDE00 and more"); // the emoji's two chars stand at 4 and 5

        assertThat(model.texts).containsExactly(PREFIX + "abcd");
    }
}
