package dev.spark.ai.internal;

import dev.spark.ai.EmbeddingModelChoice;
import dev.spark.ai.TextEmbedder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class AiConfiguration {

    /** The configured model, for checks that must not wait for (or pay for) loading it. */
    @Bean
    EmbeddingModelChoice embeddingModelChoice(EmbeddingProperties props) {
        return props.model();
    }

    @Bean
    @Lazy
    TextEmbedder textEmbedder(EmbeddingProperties props) {
        return TextEmbedder.forThisCpu(props.model(), props.weights(), props.onnx(), props.maxChars(), props.maxQueryChars(), props.queryCache());
    }
}
