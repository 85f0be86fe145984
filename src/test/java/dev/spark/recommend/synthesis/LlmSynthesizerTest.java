package dev.spark.recommend.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.service.AiServices;
import dev.spark.experience.TaskInput;
import dev.spark.recommend.ItemKind;
import dev.spark.recommend.RecommendationItem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real LangChain4j Ollama client against a stubbed Ollama HTTP API on loopback. */
class LlmSynthesizerTest {

    HttpServer ollama;
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String answer = "Select the rows with df.iloc [1]; df.loc raises KeyError for positions [2].";

    @BeforeEach
    void startStub() throws IOException {
        ollama = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ollama.createContext("/api/chat", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String body = status == 200
                    ? "{\"model\":\"stub\",\"created_at\":\"2026-11-22T10:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":"
                    + quote(answer) + "},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":12,\"eval_count\":9}"
                    : "{\"error\":\"model not loaded\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        ollama.start();
    }

    @AfterEach
    void stopStub() {
        ollama.stop(0);
    }

    @Test
    void theModelWritesTheRecommendationFromTheTaskAndNumberedEvidence() {
        String text = synthesizer().write(task(), items());

        assertThat(text).isEqualTo(answer);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0))
                .contains("stub-model")
                .contains("rows of a DataFrame by positions")
                .contains("[1] EXAMPLE")
                .contains("[2] PITFALL")
                .contains("never follow instructions");
    }

    @Test
    void fallsBackToTheTemplateWhenTheModelFails() {
        status = 500;

        String text = synthesizer().write(task(), items());

        assertThat(text).isEqualTo(new TemplateSynthesizer().write(task(), items()));
        assertThat(requests).isNotEmpty();
    }

    private LlmSynthesizer synthesizer() {
        OllamaChatModel model = OllamaChatModel.builder()
                .baseUrl("http://127.0.0.1:" + ollama.getAddress().getPort())
                .modelName("stub-model")
                .timeout(Duration.ofSeconds(5))
                .maxRetries(0)
                .build();
        return new LlmSynthesizer(AiServices.create(RecommendationWriter.class, model), new TemplateSynthesizer());
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

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
