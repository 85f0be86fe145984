package dev.spark.recommend.synthesis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Synthesis by the optional LLM ({@code spark.recommend.synthesis.*}).
 *
 * @param budget how long a recommendation waits for the LLM's text before the template writes it instead; the
 *               answer then says so. Bounds the whole call, retries included, whatever the Ollama client's own
 *               timeout ({@code spark.ollama.timeout}) is.
 */
@ConfigurationProperties("spark.recommend.synthesis")
public record SynthesisProperties(@DefaultValue("10s") Duration budget) {

    public SynthesisProperties {
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("spark.recommend.synthesis.budget must be positive");
        }
    }
}
