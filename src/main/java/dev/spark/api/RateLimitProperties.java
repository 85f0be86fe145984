package dev.spark.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests each client may send to {@code /graphql} (and {@code /mcp}) ({@code spark.rate-limit.*}). The defaults
 * are far above what one agent sends and stop a runaway loop or a flood; a refused request gets HTTP 429.
 *
 * @param enabled           whether requests are counted at all
 * @param requestsPerSecond sustained requests per second and client
 * @param burst             requests a client may send at once after being quiet
 * @param maxClients        clients remembered at once; the least recently seen is forgotten first
 */
@ConfigurationProperties("spark.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50") int requestsPerSecond,
        @DefaultValue("100") int burst,
        @DefaultValue("10000") int maxClients) {

    public RateLimitProperties {
        require(requestsPerSecond >= 1, "requests-per-second", "must be at least 1");
        require(burst >= 1, "burst", "must be at least 1");
        require(maxClients >= 1, "max-clients", "must be at least 1");
    }

    private static void require(boolean ok, String name, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("spark.rate-limit." + name + " " + problem);
        }
    }
}
