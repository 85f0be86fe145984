package dev.spark.ai;

import dev.spark.ai.internal.OnnxEncoderModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.function.Function;

/**
 * The in-process embedding models Spark can run. All give 384 dimensions, so the vector indexes fit any of them;
 * vectors of different models are not comparable, so a database remembers the model that embedded it and Spark
 * refuses to start on it with another one (docs/operations: switching models means re-ingesting).
 * Why bge-small-en-v1.5 (quantized) is the default: see docs/benchmarks.md, "Choosing the embedding model" and
 * "Embedding speed across CPUs".
 */
public enum EmbeddingModelChoice {

    /** bge-small-en-v1.5, int8-quantized; queries carry the instruction prefix the model was trained with. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "Represent this sentence for searching relevant passages: ", true,
            settings -> new OnnxEncoderModel(BgeSmallEnV15QuantizedEmbeddingModel.class, "bge-small-en-v1.5-q.onnx",
                    "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS, 384, settings)),

    /** all-MiniLM-L6-v2, float32; symmetric, no query prefix. */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "", false, settings -> new OnnxEncoderModel(AllMiniLmL6V2EmbeddingModel.class,
            "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", PoolingMode.MEAN, 384, settings)),

    /** all-MiniLM-L6-v2, int8-quantized. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "", true, settings -> new OnnxEncoderModel(AllMiniLmL6V2QuantizedEmbeddingModel.class,
            "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, 384, settings));

    private final String modelName;
    private final String queryPrefix;
    private final boolean int8;
    private final Function<OnnxSettings, EmbeddingModel> factory;

    EmbeddingModelChoice(String modelName, String queryPrefix, boolean int8, Function<OnnxSettings, EmbeddingModel> factory) {
        this.modelName = modelName;
        this.queryPrefix = queryPrefix;
        this.int8 = int8;
        this.factory = factory;
    }

    /** The name stored with every vector this model made. */
    public String modelName() {
        return modelName;
    }

    /** Whether the weights are int8-quantized: fast only where the CPU has VNNI ({@link CpuFeatures#vnni()}). */
    public boolean int8() {
        return int8;
    }

    String queryPrefix() {
        return queryPrefix;
    }

    EmbeddingModel load(OnnxSettings settings) {
        return factory.apply(settings);
    }
}
