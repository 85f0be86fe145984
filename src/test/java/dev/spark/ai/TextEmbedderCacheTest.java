package dev.spark.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TextEmbedderCacheTest {

    /** Counts and keeps the texts it embeds; the vector is the text's length, so different texts differ. */
    static final class CountingModel implements EmbeddingModel {
        final AtomicInteger embedded = new AtomicInteger();
        final List<String> texts = new CopyOnWriteArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            embedded.addAndGet(segments.size());
            segments.forEach(s -> texts.add(s.text()));
            return Response.from(segments.stream().map(s -> Embedding.from(new float[] {s.text().length(), 1f})).toList());
        }
    }

    @Test
    void aTaskAskedAgainIsNotEmbeddedAgain() {
        CountingModel model = new CountingModel();
        TextEmbedder embedder = new TextEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, model, 2_000, 2_000, 16);

        float[] first = embedder.embedQuery("Select rows of a DataFrame by a list of positions");
        float[] again = embedder.embedQuery("Select rows of a DataFrame by a list of positions");
        embedder.embedQuery("Sort an array with a stable algorithm");

        assertThat(again).containsExactly(first);
        assertThat(model.embedded).as("two distinct texts, two embeddings").hasValue(2);
    }

    @Test
    void aCallerChangingItsVectorDoesNotChangeWhatTheNextCallerGets() {
        TextEmbedder embedder = new TextEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, new CountingModel(), 2_000, 2_000, 16);

        float[] first = embedder.embedQuery("Sort an array");
        first[0] = -1;

        assertThat(embedder.embedQuery("Sort an array")[0]).isNotEqualTo(-1f);
    }

    @Test
    void theCacheIsBoundedSoMostOfManyTasksAreEmbeddedAgain() {
        CountingModel model = new CountingModel();
        TextEmbedder embedder = new TextEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, model, 2_000, 2_000, 4);

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 200; i++) {
                embedder.embedQuery("task number " + i);
            }
        }

        assertThat(model.embedded.get()).as("at most 4 of the 200 tasks kept between the rounds").isGreaterThanOrEqualTo(396);
    }
}
