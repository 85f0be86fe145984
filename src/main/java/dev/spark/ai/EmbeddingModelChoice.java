package dev.spark.ai;

import dev.spark.ai.internal.OnnxEncoderModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The in-process embedding models Spark can run. All give 384 dimensions, so the vector indexes fit any of them;
 * vectors of different models are not comparable, so a database remembers the model that embedded it and Spark
 * refuses to start on it with a model of another {@linkplain #vectorSpace() vector space} (switching means
 * re-ingesting). The int8 and fp32 weights of one model share its vector space (for bge-small-en-v1.5 the two
 * vectors of a text have cosine 0.99 and more), so Spark may run either on the same database and picks the one
 * this CPU runs faster ({@link EmbeddingWeights}).
 * Why bge-small-en-v1.5 is the default: see docs/benchmarks.md, "Choosing the embedding model" and
 * "Embedding speed across CPUs".
 */
public enum EmbeddingModelChoice {

    /** bge-small-en-v1.5, int8-quantized; queries carry the instruction prefix the model was trained with. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "bge-small-en-v1.5", EmbeddingModelChoice.BGE_QUERY_PREFIX, true,
            settings -> new OnnxEncoderModel(BgeSmallEnV15QuantizedEmbeddingModel.class, "bge-small-en-v1.5-q.onnx",
                    "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS, 384, settings)),

    /** bge-small-en-v1.5, float32: the same vector space as {@link #BGE_SMALL_EN_V15_Q}. */
    BGE_SMALL_EN_V15("bge-small-en-v1.5", "bge-small-en-v1.5", EmbeddingModelChoice.BGE_QUERY_PREFIX, false,
            settings -> new OnnxEncoderModel(BgeSmallEnV15EmbeddingModel.class, "bge-small-en-v1.5.onnx",
                    "bge-small-en-v1.5-tokenizer.json", PoolingMode.CLS, 384, settings)),

    /** all-MiniLM-L6-v2, float32; symmetric, no query prefix. */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2", "", false, settings -> new OnnxEncoderModel(AllMiniLmL6V2EmbeddingModel.class,
            "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", PoolingMode.MEAN, 384, settings)),

    /**
     * all-MiniLM-L6-v2, int8-quantized; a vector space of its own: its vectors agree less with the fp32 ones than
     * bge-small's do (docs/benchmarks.md, "Weights chosen at start-up").
     */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q", "", true, settings -> new OnnxEncoderModel(AllMiniLmL6V2QuantizedEmbeddingModel.class,
            "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, 384, settings));

    private static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    private final String modelName;
    private final String vectorSpace;
    private final String queryPrefix;
    private final boolean int8;
    private final Function<OnnxSettings, EmbeddingModel> factory;

    EmbeddingModelChoice(String modelName, String vectorSpace, String queryPrefix, boolean int8,
                         Function<OnnxSettings, EmbeddingModel> factory) {
        this.modelName = modelName;
        this.vectorSpace = vectorSpace;
        this.queryPrefix = queryPrefix;
        this.int8 = int8;
        this.factory = factory;
    }

    /** The name stored with every vector this model made. */
    public String modelName() {
        return modelName;
    }

    /** The model whose vectors these weights make: weights of one vector space can search each other's vectors. */
    public String vectorSpace() {
        return vectorSpace;
    }

    /**
     * Whether vectors recorded under these two model names can be compared: the same name, or two weights of one
     * vector space (names Spark does not know compare equal only to themselves).
     */
    public static boolean sameVectorSpace(String modelName, String otherModelName) {
        if (modelName == null) {
            return false;
        }
        if (modelName.equals(otherModelName)) {
            return true;
        }
        Optional<String> space = byModelName(modelName).map(EmbeddingModelChoice::vectorSpace);
        return space.isPresent() && space.equals(byModelName(otherModelName).map(EmbeddingModelChoice::vectorSpace));
    }

    /** The weights of this vector space with the given precision, if Spark ships them. */
    public Optional<EmbeddingModelChoice> withWeights(boolean int8) {
        return Arrays.stream(values()).filter(c -> c.vectorSpace.equals(vectorSpace) && c.int8 == int8).findFirst();
    }

    /** The choice whose {@link #modelName()} this is. */
    public static Optional<EmbeddingModelChoice> byModelName(String modelName) {
        return Arrays.stream(values()).filter(c -> c.modelName.equals(modelName)).findFirst();
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
