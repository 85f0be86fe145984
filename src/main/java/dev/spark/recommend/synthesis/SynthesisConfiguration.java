package dev.spark.recommend.synthesis;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An LLM writes recommendations when a chat model is configured; a template does otherwise. */
@Configuration(proxyBeanMethods = false)
class SynthesisConfiguration {

    @Bean
    RecommendationSynthesizer recommendationSynthesizer(ObjectProvider<ChatModel> chatModel, SynthesisProperties props) {
        TemplateSynthesizer template = new TemplateSynthesizer();
        ChatModel model = chatModel.getIfAvailable();
        return model == null ? template : new LlmSynthesizer(AiServices.create(RecommendationWriter.class, model), template, props.budget());
    }
}
