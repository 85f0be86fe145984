package dev.spark.ai.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code llm} component of {@code /actuator/health}, present only when {@code spark.ollama.url} is set: UP when
 * Ollama answers within {@code spark.ollama.health-timeout} and has the configured model; UNKNOWN otherwise, not
 * DOWN, since recommendations then fall back to the template and the service still answers.
 */
@Component("llmHealthIndicator")
@ConditionalOnExpression("!'${spark.ollama.url:}'.isBlank()")
class LlmHealthIndicator implements HealthIndicator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OllamaProperties props;
    private final HttpClient http;

    LlmHealthIndicator(OllamaProperties props) {
        this.props = props;
        this.http = HttpClient.newBuilder().connectTimeout(props.healthTimeout()).build();
    }

    @Override
    public Health health() {
        Health.Builder unknown = Health.status(Status.UNKNOWN).withDetail("url", props.url()).withDetail("model", props.model())
                .withDetail("fallback", "template");
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(props.url().replaceAll("/+$", "") + "/api/tags"))
                    .timeout(props.healthTimeout()).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return unknown.withDetail("error", "Ollama answered HTTP " + response.statusCode()).build();
            }
            JsonNode models = JSON.readTree(response.body()).path("models");
            for (JsonNode model : models.values()) {
                String name = model.path("name").asString("");
                if (name.equals(props.model()) || name.equals(props.model() + ":latest")) {
                    return Health.up().withDetail("url", props.url()).withDetail("model", props.model()).build();
                }
            }
            return unknown.withDetail("error", "Ollama does not have the model " + props.model() + " (ollama pull " + props.model() + ")")
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown.withDetail("error", "interrupted").build();
        } catch (IOException | RuntimeException e) {
            return unknown.withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
