package dev.spark.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real int8 and fp32 weights of bge-small-en-v1.5, measured against each other as a CPU without VNNI would. */
class BgeWeightsTest {

    private static final CpuFeatures WITHOUT_VNNI = new CpuFeatures("test CPU", 2, Set.of("avx2"));

    @Test
    void withoutVnniBothWeightsAreTimedTheFasterRunsAndTheOtherIsClosed() throws Exception {
        Map<EmbeddingModelChoice, EmbeddingModel> loaded = new EnumMap<>(EmbeddingModelChoice.class);
        WeightsSelection.Selected selected = WeightsSelection.select(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, EmbeddingWeights.AUTO,
                WITHOUT_VNNI, choice -> {
                    EmbeddingModel model = choice.load(OnnxSettings.defaults());
                    loaded.put(choice, model);
                    return model;
                }, WeightsSelection::timeSample);

        assertThat(loaded).containsOnlyKeys(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, EmbeddingModelChoice.BGE_SMALL_EN_V15);
        long int8 = selected.medianNanos().get(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q);
        long fp32 = selected.medianNanos().get(EmbeddingModelChoice.BGE_SMALL_EN_V15);
        assertThat(int8).isPositive();
        assertThat(fp32).isPositive();
        EmbeddingModelChoice faster = int8 <= fp32 ? EmbeddingModelChoice.BGE_SMALL_EN_V15_Q : EmbeddingModelChoice.BGE_SMALL_EN_V15;
        EmbeddingModelChoice slower = faster == EmbeddingModelChoice.BGE_SMALL_EN_V15_Q
                ? EmbeddingModelChoice.BGE_SMALL_EN_V15 : EmbeddingModelChoice.BGE_SMALL_EN_V15_Q;
        assertThat(selected.choice()).isEqualTo(faster);
        assertThat(selected.model()).isSameAs(loaded.get(faster));
        assertThat(selected.model().embed("numpy.sort").content().vector()).hasSize(384);
        assertThatThrownBy(() -> loaded.get(slower).embed("numpy.sort")).as("the weights not chosen are closed")
                .isInstanceOf(RuntimeException.class);
        ((AutoCloseable) selected.model()).close();
    }

    @Test
    void theInt8AndFp32WeightsGiveOneVectorSpace() {
        TextEmbedder int8 = new TextEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, OnnxSettings.defaults(), 2_000, 2_000, 0);
        TextEmbedder fp32 = new TextEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15, OnnxSettings.defaults(), 2_000, 2_000, 0);
        List<String> texts = List.of(WeightsSelection.SAMPLE, "numpy.sort(a, axis=-1, kind=None, order=None): Return a sorted copy of an array.",
                "How do I drop the rows of a DataFrame whose value in column 'b' is missing?");
        for (String text : texts) {
            assertThat(cosine(int8.embedDocument(text), fp32.embedDocument(text))).as("document: %s", text).isGreaterThan(0.98);
            assertThat(cosine(int8.embedQuery(text), fp32.embedQuery(text))).as("query: %s", text).isGreaterThan(0.98);
        }
        // and the vector space is not trivially shared: another text is much farther away
        assertThat(cosine(int8.embedDocument(texts.get(1)), fp32.embedDocument(texts.get(2)))).isLessThan(0.9);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
