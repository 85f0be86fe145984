package dev.spark.ai;

import java.util.Locale;

/**
 * Which weights of the configured model's vector space Spark runs ({@code spark.embedding.weights}). The int8 and
 * fp32 weights of one model give vectors that search each other's ({@link EmbeddingModelChoice#vectorSpace()}), so
 * the choice is about speed on the CPU at hand: int8 is the faster where the CPU has VNNI dot products, and loses
 * its fast kernels where it has not (docs/benchmarks.md, "Embedding speed across CPUs").
 */
public enum EmbeddingWeights {

    /**
     * int8 where the CPU has VNNI; on other CPUs both weights are loaded at start-up, each embeds a sample passage,
     * and the faster stays. A model with one kind of weights runs them.
     */
    AUTO,

    /** The int8-quantized weights of the configured model. */
    INT8,

    /** The float32 weights of the configured model. */
    FP32;

    /**
     * The weights this setting pins for {@code model}; {@link #AUTO} pins none and returns {@code model}.
     *
     * @throws IllegalArgumentException naming {@code spark.embedding.weights} when Spark ships no such weights of it
     */
    public EmbeddingModelChoice pinned(EmbeddingModelChoice model) {
        if (this == AUTO) {
            return model;
        }
        return model.withWeights(this == INT8).orElseThrow(() -> new IllegalArgumentException(
                "spark.embedding.weights is " + name() + ", but Spark ships no " + name().toLowerCase(Locale.ROOT)
                        + " weights of " + model.vectorSpace() + " (spark.embedding.model " + model.name()
                        + "); use AUTO, or the model that has them"));
    }
}
