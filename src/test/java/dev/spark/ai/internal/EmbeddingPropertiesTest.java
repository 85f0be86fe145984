package dev.spark.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.ai.EmbeddingWeights;
import dev.spark.ai.OnnxSettings;
import dev.spark.ai.OnnxSettings.ExecutionMode;
import dev.spark.ai.OnnxSettings.GraphOptimization;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class EmbeddingPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmbeddingProperties.class)
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void theOnnxSettingsBindFromSparkEmbedding() {
        runner.withPropertyValues("spark.embedding.intra-op-threads=1", "spark.embedding.inter-op-threads=2",
                        "spark.embedding.optimization=BASIC", "spark.embedding.execution-mode=PARALLEL",
                        "spark.embedding.parallel-texts=3")
                .run(context -> assertThat(context.getBean(EmbeddingProperties.class).onnx())
                        .isEqualTo(new OnnxSettings(1, 2, GraphOptimization.BASIC, ExecutionMode.PARALLEL, 3)));
    }

    @Test
    void withoutSettingsTheDefaultsApply() {
        runner.run(context -> assertThat(context.getBean(EmbeddingProperties.class).onnx()).isEqualTo(OnnxSettings.defaults()));
    }

    /** Starting with {@code settings} fails, and the root cause says {@code message}. */
    private void assertRefused(String message, String... settings) {
        runner.withPropertyValues(settings).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(message);
        });
    }

    @Test
    void aNegativeThreadCountStopsTheStartNamingTheSetting() {
        assertRefused("spark.embedding.intra-op-threads must be between 0", "spark.embedding.intra-op-threads=-1");
    }

    @Test
    void weightsDefaultToAutoAndBindFromSparkEmbedding() {
        runner.run(context -> assertThat(context.getBean(EmbeddingProperties.class).weights()).isEqualTo(EmbeddingWeights.AUTO));
        runner.withPropertyValues("spark.embedding.weights=FP32")
                .run(context -> assertThat(context.getBean(EmbeddingProperties.class).weights()).isEqualTo(EmbeddingWeights.FP32));
    }

    @Test
    void weightsTheModelDoesNotShipStopTheStartNamingTheSetting() {
        assertRefused("spark.embedding.weights is FP32, but Spark ships no fp32 weights of all-minilm-l6-v2-q",
                "spark.embedding.model=ALL_MINILM_L6_V2_Q", "spark.embedding.weights=FP32");
    }

    @Test
    void queriesAreCutShorterThanPassagesByDefault() {
        runner.run(context -> {
            EmbeddingProperties props = context.getBean(EmbeddingProperties.class);
            assertThat(props.maxChars()).isEqualTo(2000);
            assertThat(props.maxQueryChars()).isEqualTo(1000);
        });
        runner.withPropertyValues("spark.embedding.max-query-chars=2000")
                .run(context -> assertThat(context.getBean(EmbeddingProperties.class).maxQueryChars()).isEqualTo(2000));
    }

    @Test
    void aCutOfNoCharactersStopsTheStartNamingTheSetting() {
        assertRefused("spark.embedding.max-query-chars must be at least 1 character, not 0", "spark.embedding.max-query-chars=0");
        assertRefused("spark.embedding.max-chars must be at least 1 character, not -5", "spark.embedding.max-chars=-5");
    }

    @Test
    void anUnknownOptimisationLevelStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("spark.embedding.optimization=FASTEST").run(context -> {
            assertThat(context).hasFailed();
            assertThat(causes(context.getStartupFailure())).contains("Failed to bind properties under 'spark.embedding.optimization'");
        });
    }
}
