package dev.spark.ai.internal;

import dev.spark.ai.TextEmbedder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class AiConfiguration {

    @Bean
    @Lazy
    TextEmbedder textEmbedder(EmbeddingProperties props) {
        return new TextEmbedder(props.model(), props.onnx(), props.maxChars(), props.queryCache());
    }
}
