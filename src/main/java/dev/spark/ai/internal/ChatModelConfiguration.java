package dev.spark.ai.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An Ollama chat model, only when {@code spark.ollama.url} is set. */
@Configuration(proxyBeanMethods = false)
class ChatModelConfiguration {

    @Bean
    @ConditionalOnExpression("!'${spark.ollama.url:}'.isBlank()")
    ChatModel ollamaChatModel(OllamaProperties props) {
        return OllamaChatModel.builder()
                .baseUrl(props.url())
                .modelName(props.model())
                .timeout(props.timeout())
                .temperature(0.2)
                .maxRetries(1)
                .build();
    }
}
