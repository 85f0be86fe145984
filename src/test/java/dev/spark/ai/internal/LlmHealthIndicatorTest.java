package dev.spark.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The llm health component against a stub of Ollama's /api/tags on loopback. */
class LlmHealthIndicatorTest {

    HttpServer server;
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void upWhenOllamaListsTheModel() throws IOException {
        serve("{\"models\": [{\"name\": \"llama3:latest\"}, {\"name\": \"qwen2.5-coder:7b\"}]}");

        assertThat(check(Duration.ofSeconds(2)).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void unknownWhenTheModelIsMissingOrNothingListensOrOllamaIsTooSlow() throws IOException {
        serve("{\"models\": [{\"name\": \"llama3:latest\"}]}");
        Health missing = check(Duration.ofSeconds(2));
        assertThat(missing.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(missing.getDetails().get("error").toString()).contains("ollama pull qwen2.5-coder:7b");
        server.stop(0);

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Health unreachable = new LlmHealthIndicator(props("http://127.0.0.1:" + closed, Duration.ofSeconds(2))).health();
        assertThat(unreachable.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(unreachable.getDetails()).containsEntry("fallback", "template");

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/tags", exchange -> {
            try {
                release.await(1, TimeUnit.MINUTES); // answers only once the test is over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        long started = System.nanoTime();
        Health slow = check(Duration.ofMillis(300));
        assertThat(slow.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    private void serve(String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/tags", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    private Health check(Duration timeout) {
        return new LlmHealthIndicator(props("http://127.0.0.1:" + server.getAddress().getPort(), timeout)).health();
    }

    private static OllamaProperties props(String url, Duration timeout) {
        return new OllamaProperties(url, "qwen2.5-coder:7b", Duration.ofSeconds(30), timeout);
    }
}
