package dev.spark.ai.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional LLM. With no {@code url}, Spark writes recommendations from a template.
 *
 * @param url     Ollama base URL ({@code SPARK_OLLAMA_URL}), e.g. http://127.0.0.1:11434
 * @param model   chat model name ({@code SPARK_OLLAMA_MODEL})
 * @param timeout how long one LLM call may take before Spark falls back to the template
 * @param healthTimeout how long {@code /actuator/health} waits for Ollama before calling it unreachable
 */
@ConfigurationProperties("spark.ollama")
public record OllamaProperties(
        String url,
        @DefaultValue("qwen2.5-coder:7b") String model,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("2s") Duration healthTimeout) {
}
