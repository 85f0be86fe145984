package dev.spark.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class WeightsSelectionTest {

    private static final CpuFeatures WITH_VNNI = new CpuFeatures("test CPU", 2, Set.of("avx2", "avx512f", "avx512_vnni"));
    private static final CpuFeatures WITHOUT_VNNI = new CpuFeatures("test CPU", 2, Set.of("avx2"));

    /** A stand-in for loaded weights: remembers which weights it is and whether it was closed. */
    static final class Weights implements EmbeddingModel, AutoCloseable {
        final EmbeddingModelChoice choice;
        boolean closed;

        Weights(EmbeddingModelChoice choice) {
            this.choice = choice;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(s -> Embedding.from(new float[] {1f})).toList());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<Weights> loaded = new ArrayList<>();

    private EmbeddingModel load(EmbeddingModelChoice choice) {
        Weights weights = new Weights(choice);
        loaded.add(weights);
        return weights;
    }

    /** A stopwatch for a selection that must not measure anything. */
    private static ToLongFunction<EmbeddingModel> notMeasured(String why) {
        return model -> {
            throw new AssertionError(why);
        };
    }

    /** A stopwatch that reports the same time for every embedding of the same weights. */
    private static long scripted(EmbeddingModel model, Map<EmbeddingModelChoice, Long> nanos) {
        return nanos.get(((Weights) model).choice);
    }

    @Test
    void onACpuWithVnniTheInt8WeightsRunWithoutMeasuringTheOthers() {
        WeightsSelection.Selected selected = WeightsSelection.select(EmbeddingModelChoice.BGE_SMALL_EN_V15, EmbeddingWeights.AUTO,
                WITH_VNNI, this::load, notMeasured("nothing is measured where VNNI settles it"));

        assertThat(selected.choice()).isEqualTo(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q);
        assertThat(loaded).extracting(w -> w.choice).containsExactly(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q);
        assertThat(selected.reason()).contains("VNNI");
        assertThat(selected.medianNanos()).isEmpty();
    }

    @Test
    void withoutVnniTheFasterWeightsStayAndTheOthersAreClosed() {
        WeightsSelection.Selected selected = WeightsSelection.select(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, EmbeddingWeights.AUTO,
                WITHOUT_VNNI, this::load, model -> scripted(model, Map.of(
                        EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, 150_000_000L, EmbeddingModelChoice.BGE_SMALL_EN_V15, 90_000_000L)));

        assertThat(selected.choice()).isEqualTo(EmbeddingModelChoice.BGE_SMALL_EN_V15);
        assertThat(((Weights) selected.model()).closed).isFalse();
        assertThat(loaded).filteredOn(w -> w.choice == EmbeddingModelChoice.BGE_SMALL_EN_V15_Q).singleElement()
                .satisfies(w -> assertThat(w.closed).isTrue());
        assertThat(selected.medianNanos()).containsEntry(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, 150_000_000L)
                .containsEntry(EmbeddingModelChoice.BGE_SMALL_EN_V15, 90_000_000L);
        assertThat(selected.reason()).contains("150.0 ms with int8", "90.0 ms with fp32");
    }

    @Test
    void theMedianDecidesSoOneSlowRoundDoesNot() {
        long[] int8Rounds = {50_000_000L, 50_000_000L, 400_000_000L, 50_000_000L}; // warm-up, then one round hit by a busy moment
        int[] int8Calls = {0};
        WeightsSelection.Selected selected = WeightsSelection.select(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, EmbeddingWeights.AUTO,
                WITHOUT_VNNI, this::load, model -> ((Weights) model).choice.int8() ? int8Rounds[int8Calls[0]++] : 80_000_000L);

        assertThat(int8Calls[0]).isEqualTo(1 + WeightsSelection.TIMED_ROUNDS);
        assertThat(selected.choice()).isEqualTo(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q);
        assertThat(selected.medianNanos()).containsEntry(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, 50_000_000L);
    }

    @Test
    void aModelWithOneKindOfWeightsRunsThemOnAnyCpu() {
        WeightsSelection.Selected selected = WeightsSelection.select(EmbeddingModelChoice.ALL_MINILM_L6_V2, EmbeddingWeights.AUTO,
                WITHOUT_VNNI, this::load, notMeasured("nothing to compare"));

        assertThat(selected.choice()).isEqualTo(EmbeddingModelChoice.ALL_MINILM_L6_V2);
        assertThat(loaded).hasSize(1);
    }

    @Test
    void pinnedWeightsRunWhateverTheCpu() {
        WeightsSelection.Selected selected = WeightsSelection.select(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, EmbeddingWeights.FP32,
                WITH_VNNI, this::load, notMeasured("pinned weights are not measured"));

        assertThat(selected.choice()).isEqualTo(EmbeddingModelChoice.BGE_SMALL_EN_V15);
        assertThat(selected.reason()).isEqualTo("spark.embedding.weights is FP32");
    }

    @Test
    void pinningWeightsTheModelDoesNotShipIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> EmbeddingWeights.FP32.pinned(EmbeddingModelChoice.ALL_MINILM_L6_V2_Q))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spark.embedding.weights is FP32")
                .hasMessageContaining("ALL_MINILM_L6_V2_Q");
        assertThat(EmbeddingWeights.INT8.pinned(EmbeddingModelChoice.BGE_SMALL_EN_V15)).isEqualTo(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q);
        assertThat(EmbeddingWeights.AUTO.pinned(EmbeddingModelChoice.ALL_MINILM_L6_V2)).isEqualTo(EmbeddingModelChoice.ALL_MINILM_L6_V2);
    }

    @Test
    void onlyTheWeightsOfOneModelShareAVectorSpace() {
        assertThat(EmbeddingModelChoice.sameVectorSpace("bge-small-en-v1.5", "bge-small-en-v1.5-q")).isTrue();
        assertThat(EmbeddingModelChoice.sameVectorSpace("bge-small-en-v1.5-q", "bge-small-en-v1.5")).isTrue();
        assertThat(EmbeddingModelChoice.sameVectorSpace("bge-small-en-v1.5-q", "all-minilm-l6-v2-q")).isFalse();
        assertThat(EmbeddingModelChoice.sameVectorSpace("bge-small-en-v1.5-q", "some-other-model")).isFalse();
    }
}
