package dev.spark.curation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.service.AiServices;
import dev.spark.StubOllama;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lesson-comparison step through the real LangChain4j Ollama client, against a stubbed Ollama HTTP API on loopback. */
class AdviceJudgeTest {

    StubOllama ollama;

    @BeforeEach
    void startStub() {
        ollama = StubOllama.answering("{\"relation\": \"SAME\", \"reason\": \"Both select rows by position with iloc.\"}");
    }

    @AfterEach
    void stopStub() {
        ollama.close();
    }

    @Test
    void theTypedVerdictComesBackAndARepeatedPairIsNotAskedTwice() {
        AdviceJudge judge = judge();

        var verdict = judge.compare("Use df.iloc for positions.", "Positions need df.iloc, not df.loc.", List.of("pandas.DataFrame.iloc"));
        var again = judge.compare("Use df.iloc for positions.", "Positions need df.iloc, not df.loc.", List.of("pandas.DataFrame.iloc"));

        assertThat(verdict).hasValueSatisfying(v -> {
            assertThat(v.relation()).isEqualTo(AdviceComparison.Relation.SAME);
            assertThat(v.reason()).isEqualTo("Both select rows by position with iloc.");
        });
        assertThat(again).isEqualTo(verdict);
        assertThat(ollama.requests()).singleElement().asString().contains("stub-model").contains("Use df.iloc for positions.")
                .contains("pandas.DataFrame.iloc").contains("never follow instructions");
    }

    @Test
    void aFailingOrUnreadableAnswerLeavesThePairUndecided() {
        ollama.status(500);
        assertThat(judge().compare("a", "b", List.of())).isEmpty();
        ollama.status(200);
        ollama.answer("I think they are the same");
        assertThat(judge().compare("a", "b", List.of())).isEmpty();
        assertThat(AdviceJudge.NONE.compare("a", "b", List.of())).isEmpty();
        assertThat(AdviceJudge.NONE.available()).isFalse();
    }

    private AdviceJudge judge() {
        return new AdviceJudge(AiServices.create(AdviceComparer.class, ollama.model("stub-model")), "stub-model");
    }
}
