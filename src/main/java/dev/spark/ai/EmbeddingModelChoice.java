package dev.spark.ai;

import dev.spark.ai.internal.OnnxEncoderModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.function.Supplier;

/**
 * The in-process embedding models Spark can run. Both give 384 dimensions, so the vector indexes fit either;
 * switching models on a populated database requires re-embedding (the model name is stored on each node).
 * Why bge-small-en-v1.5 (quantized) is the default: see docs/benchmarks.md, "Choosing the embedding model".
 */
public enum EmbeddingModelChoice {

    /** bge-small-en-v1.5, int8-quantized; queries carry the instruction prefix the model was trained with. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "Represent this sentence for searching relevant passages: ",
            () -> new OnnxEncoderModel(BgeSmallEnV15QuantizedEmbeddingModel.class, "bge-small-en-v1.5-q.onnx",
                    "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS, 384)),

    /** all-MiniLM-L6-v2, float32; symmetric, no query prefix. */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "", () -> new OnnxEncoderModel(AllMiniLmL6V2EmbeddingModel.class,
            "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", PoolingMode.MEAN, 384));

    private final String modelName;
    private final String queryPrefix;
    private final Supplier<EmbeddingModel> factory;

    EmbeddingModelChoice(String modelName, String queryPrefix, Supplier<EmbeddingModel> factory) {
        this.modelName = modelName;
        this.queryPrefix = queryPrefix;
        this.factory = factory;
    }

    public String modelName() {
        return modelName;
    }

    String queryPrefix() {
        return queryPrefix;
    }

    EmbeddingModel load() {
        return factory.get();
    }
}
