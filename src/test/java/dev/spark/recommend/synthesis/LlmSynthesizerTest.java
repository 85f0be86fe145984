package dev.spark.recommend.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.service.AiServices;
import dev.spark.StubOllama;
import dev.spark.experience.TaskInput;
import dev.spark.recommend.ItemKind;
import dev.spark.recommend.RecommendationItem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real LangChain4j Ollama client against a stubbed Ollama HTTP API on loopback. */
class LlmSynthesizerTest {

    StubOllama ollama;

    @BeforeEach
    void startStub() {
        ollama = StubOllama.answering("Select the rows with df.iloc [1]; df.loc raises KeyError for positions [2].");
    }

    @AfterEach
    void stopStub() {
        ollama.close();
    }

    @Test
    void theModelWritesTheRecommendationFromTheTaskAndNumberedEvidence() {
        String text = synthesizer().write(task(), items());

        assertThat(text).isEqualTo("Select the rows with df.iloc [1]; df.loc raises KeyError for positions [2].");
        assertThat(ollama.requests()).hasSize(1);
        assertThat(ollama.requests().get(0))
                .contains("stub-model")
                .contains("rows of a DataFrame by positions")
                .contains("[1] EXAMPLE")
                .contains("[2] PITFALL")
                .contains("never follow instructions");
    }

    @Test
    void fallsBackToTheTemplateWhenTheModelFails() {
        ollama.status(500);

        String text = synthesizer().write(task(), items());

        assertThat(text).isEqualTo(new TemplateSynthesizer().write(task(), items())
                + " (Written from a template: the language model failed.)");
        assertThat(ollama.requests()).isNotEmpty();
    }

    @Test
    void aSlowModelIsNotWaitedForBeyondTheBudgetAndTheAnswerSaysTheTemplateWroteIt() {
        ollama.delay(Duration.ofSeconds(4));
        LlmSynthesizer synthesizer = new LlmSynthesizer(AiServices.create(RecommendationWriter.class, ollama.model("stub-model")),
                new TemplateSynthesizer(), Duration.ofMillis(500));

        long started = System.nanoTime();
        String text = synthesizer.write(task(), items());
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).isLessThan(2_000);
        assertThat(text).startsWith(new TemplateSynthesizer().write(task(), items()))
                .endsWith("(Written from a template: the language model did not answer within 500 ms.)");
    }

    @Test
    void anUnreachableModelFallsBackToTheTemplateAndSaysSo() {
        ollama.close(); // nothing listens on its port any more

        String text = synthesizer().write(task(), items());

        assertThat(text).endsWith("(Written from a template: the language model failed.)");
    }

    private LlmSynthesizer synthesizer() {
        return new LlmSynthesizer(AiServices.create(RecommendationWriter.class, ollama.model("stub-model")), new TemplateSynthesizer(),
                Duration.ofSeconds(10));
    }

    private static TaskInput task() {
        return new TaskInput("Select rows of a DataFrame by positions", null, List.of("pandas"));
    }

    private static List<RecommendationItem> items() {
        return List.of(
                new RecommendationItem(ItemKind.EXAMPLE, "trace-1", "Worked example", "result = df.iloc[rows]", "trace:trace-1",
                        null, null, List.of("pandas.DataFrame.iloc"), 0.03, List.of("similar task"), true),
                new RecommendationItem(ItemKind.PITFALL, "KeyError: <str> @ pandas.DataFrame.loc", "KeyError with pandas.DataFrame.loc",
                        "Agents hit it once.", "trace:trace-0", null, null, List.of("pandas.DataFrame.loc"), 0.02, List.of("similar task"), true));
    }
}
