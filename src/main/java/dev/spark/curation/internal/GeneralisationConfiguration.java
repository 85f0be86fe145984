package dev.spark.curation.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The LLM steps of curation (generalising a lesson, comparing two lessons' advice), only when a chat model is
 * configured ({@code spark.ollama.url}).
 */
@Configuration(proxyBeanMethods = false)
class GeneralisationConfiguration {

    @Bean
    Generalisation lessonGeneralisation(ObjectProvider<ChatModel> chatModel) {
        ChatModel model = chatModel.getIfAvailable();
        return model == null ? Generalisation.NONE : new Generalisation(AiServices.create(LessonGeneraliser.class, model));
    }

    @Bean
    AdviceJudge adviceJudge(ObjectProvider<ChatModel> chatModel) {
        ChatModel model = chatModel.getIfAvailable();
        return model == null ? AdviceJudge.NONE
                : new AdviceJudge(AiServices.create(AdviceComparer.class, model), model.getClass().getSimpleName());
    }
}
