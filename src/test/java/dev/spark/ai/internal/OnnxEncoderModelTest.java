package dev.spark.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.spark.ai.OnnxSettings;
import java.io.File;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class OnnxEncoderModelTest {

    private static OnnxEncoderModel model(OnnxSettings settings) {
        return new OnnxEncoderModel(AllMiniLmL6V2QuantizedEmbeddingModel.class, "all-minilm-l6-v2-q.onnx",
                "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, 384, settings);
    }

    /** Threads of this process, native ones included (Linux). */
    private static int threads() {
        return Objects.requireNonNull(new File("/proc/self/task").list()).length;
    }

    @Test
    void theIntraOpThreadCountReachesTheSession() {
        // ONNX Runtime starts an intra-op pool of n - 1 threads (the caller is the n-th) when the session is created;
        // the first session of the process also starts the runtime's own, so it is not counted
        model(OnnxSettings.defaults().withIntraOpThreads(1));
        int before = threads();
        OnnxEncoderModel one = model(OnnxSettings.defaults().withIntraOpThreads(1));
        int withOne = threads() - before;
        OnnxEncoderModel nine = model(OnnxSettings.defaults().withIntraOpThreads(9));
        int withNine = threads() - before - withOne;

        // at least the 8 pool threads; the JVM may start a thread of its own meanwhile, and a session on the
        // default (one per core) would have started at most cores - 1
        assertThat(withNine - withOne).isGreaterThanOrEqualTo(8);
        assertThat(one.settings().intraOpThreads()).isEqualTo(1);
        assertThat(nine.settings().resolvedIntraOpThreads()).isEqualTo(9);
    }

    @Test
    void threadCountsDoNotChangeTheVectors() {
        String text = "Return a sorted copy of an array; kind='stable' keeps equal elements in order.";
        float[] one = model(OnnxSettings.defaults().withIntraOpThreads(1).withParallelTexts(1)).embed(text).content().vector();
        float[] two = model(OnnxSettings.defaults().withIntraOpThreads(2).withParallelTexts(2)).embed(text).content().vector();

        assertThat(two).containsExactly(one);
    }
}
