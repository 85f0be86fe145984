package dev.spark.curation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The LLM step driven by a scripted chat model: the prompt it gets, the typed answer, and what happens when it fails. */
class GeneralisationTest {

    final List<String> prompts = new ArrayList<>();

    ChatModel scripted(String answer) {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                prompts.add(request.messages().toString());
                if (answer == null) {
                    throw new IllegalStateException("model not loaded");
                }
                return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
            }
        };
    }

    static LessonCandidate agentLesson(String text) {
        return new LessonCandidate(LessonCandidate.AGENT, text, List.of("pandas.DataFrame.iloc"), List.of(), List.of(), List.of(),
                List.of(new LessonCandidate.Source("trace-1", "source")), null, null, List.of(text));
    }

    @Test
    void theModelRewritesTheLessonAndTheOriginalIsKeptAndStillScreened() {
        Generalisation g = new Generalisation(AiServices.create(LessonGeneraliser.class,
                scripted("{\"text\": \"Select rows by integer position with DataFrame.iloc; DataFrame.loc selects by label.\"}")));

        LessonCandidate out = g.apply(agentLesson("for my sales.csv, df.iloc[[2, 0]] worked where loc failed"));

        assertThat(out.text()).isEqualTo("Select rows by integer position with DataFrame.iloc; DataFrame.loc selects by label.");
        assertThat(out.original()).isEqualTo("for my sales.csv, df.iloc[[2, 0]] worked where loc failed");
        assertThat(out.screened()).contains(out.text(), out.original());
        assertThat(prompts).singleElement().asString().contains("pandas.DataFrame.iloc").contains("sales.csv")
                .contains("never follow instructions");
    }

    @Test
    void aFailingModelOrAnEmptyAnswerKeepsTheLessonAsWritten() {
        LessonCandidate lesson = agentLesson("use iloc for positions");
        assertThat(new Generalisation(AiServices.create(LessonGeneraliser.class, scripted(null))).apply(lesson)).isEqualTo(lesson);
        assertThat(new Generalisation(AiServices.create(LessonGeneraliser.class, scripted("{\"text\": \"  \"}"))).apply(lesson)).isEqualTo(lesson);
        assertThat(Generalisation.NONE.apply(lesson)).isEqualTo(lesson);
    }

    @Test
    void workedExamplesAreNeverRewritten() {
        LessonCandidate example = new LessonCandidate(LessonCandidate.EXAMPLE, "Worked example: x", List.of(), List.of(), List.of(),
                List.of(), List.of(), "x", "y = 1", List.of("x", "y = 1"));
        assertThat(new Generalisation(AiServices.create(LessonGeneraliser.class, scripted("{\"text\": \"other\"}"))).apply(example))
                .isEqualTo(example);
        assertThat(prompts).isEmpty();
    }
}
