package dev.spark;

import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.ollama.OllamaChatModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Ollama's chat API stubbed on loopback, for testing LLM steps through the real LangChain4j Ollama client: it answers
 * every {@code /api/chat} request with the current answer (or an error status) and keeps the request bodies.
 */
public final class StubOllama implements AutoCloseable {

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer;
    private volatile Duration delay = Duration.ZERO;

    private StubOllama(String answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/api/chat", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis()); // an overloaded model: the answer comes, but late
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String body = status == 200
                    ? "{\"model\":\"stub\",\"created_at\":\"2026-11-22T10:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":"
                    + quote(this.answer) + "},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":12,\"eval_count\":9}"
                    : "{\"error\":\"model not loaded\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** A started stub that answers with {@code answer}. */
    public static StubOllama answering(String answer) {
        try {
            return new StubOllama(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void answer(String answer) {
        this.answer = answer;
    }

    /** How long the stub waits before each answer. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** The HTTP status of the next answers; anything but 200 answers with Ollama's error body. */
    public void status(int status) {
        this.status = status;
    }

    public List<String> requests() {
        return requests;
    }

    /** The real client pointed at the stub, without retries. */
    public OllamaChatModel model(String name) {
        return OllamaChatModel.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .modelName(name)
                .timeout(Duration.ofSeconds(5))
                .maxRetries(0)
                .build();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
