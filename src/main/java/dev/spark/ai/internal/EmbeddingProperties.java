package dev.spark.ai.internal;

import dev.spark.ai.EmbeddingModelChoice;
import dev.spark.ai.EmbeddingWeights;
import dev.spark.ai.OnnxSettings;
import dev.spark.ai.OnnxSettings.ExecutionMode;
import dev.spark.ai.OnnxSettings.GraphOptimization;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param model          the in-process embedding model ({@code SPARK_EMBEDDING_MODEL}); its vector space is what a
 *                       database is checked against
 * @param weights        which weights of that model's vector space run: AUTO (the faster on this CPU), INT8 or FP32
 *                       ({@code SPARK_EMBEDDING_WEIGHTS})
 * @param maxChars       stored passages are cut to this many characters before embedding; the models read at most
 *                       512 tokens per window, and longer texts are averaged over windows, which costs time
 *                       and blurs the vector
 * @param maxQueryChars  a task or search query is cut to this many characters before embedding (the rest of the
 *                       task is still read for its libraries and APIs): what is asked stands at its start, and the
 *                       data and code after it cost embedding time without finding better documentation
 *                       (docs/evaluation.md, "How much of the task is embedded")
 * @param queryCache     query embeddings kept (when full, the rarely asked go first), so that a task asked again is
 *                       not embedded again; 0 turns the cache off
 * @param intraOpThreads ONNX Runtime threads per inference (0: one per core)
 * @param interOpThreads ONNX Runtime threads across independent graph nodes, with {@code execution-mode: PARALLEL}
 *                       (0: the runtime's default)
 * @param optimization   ONNX Runtime graph optimisation level: ALL, EXTENDED, BASIC or NONE
 * @param executionMode  SEQUENTIAL or PARALLEL
 * @param parallelTexts  texts of a batch embedded at the same time (0: one per core)
 */
@ConfigurationProperties("spark.embedding")
public record EmbeddingProperties(
        @DefaultValue("BGE_SMALL_EN_V15_Q") EmbeddingModelChoice model,
        @DefaultValue("AUTO") EmbeddingWeights weights,
        @DefaultValue("2000") int maxChars,
        @DefaultValue("1000") int maxQueryChars,
        @DefaultValue("2048") int queryCache,
        @DefaultValue("0") int intraOpThreads,
        @DefaultValue("0") int interOpThreads,
        @DefaultValue("ALL") GraphOptimization optimization,
        @DefaultValue("SEQUENTIAL") ExecutionMode executionMode,
        @DefaultValue("0") int parallelTexts) {

    public EmbeddingProperties {
        // fails the binding at start-up with the setting's name, not at the first embedding
        new OnnxSettings(intraOpThreads, interOpThreads, optimization, executionMode, parallelTexts);
        weights.pinned(model);
        atLeastOne("max-chars", maxChars);
        atLeastOne("max-query-chars", maxQueryChars);
    }

    private static void atLeastOne(String setting, int chars) {
        if (chars < 1) {
            throw new IllegalArgumentException("spark.embedding." + setting + " must be at least 1 character, not " + chars);
        }
    }

    /** @throws IllegalArgumentException naming the {@code spark.embedding.*} setting that is out of range */
    public OnnxSettings onnx() {
        return new OnnxSettings(intraOpThreads, interOpThreads, optimization, executionMode, parallelTexts);
    }
}
