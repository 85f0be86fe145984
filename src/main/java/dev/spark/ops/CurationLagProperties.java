package dev.spark.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the curation backlog counts as lagging in {@code /actuator/health}.
 *
 * @param maxPending traces waiting for curation above which it lags
 * @param maxAge     age of the oldest waiting trace above which it lags (three scheduled runs by default)
 * @param status     the status reported while it lags: {@code DEGRADED} (the service still answers, HTTP 200) or
 *                   {@code OUT_OF_SERVICE} (HTTP 503, to take the instance out of a load balancer)
 */
@ConfigurationProperties("spark.health.curation-lag")
public record CurationLagProperties(
        @DefaultValue("1000") long maxPending,
        @DefaultValue("30m") Duration maxAge,
        @DefaultValue("DEGRADED") String status) {

    public CurationLagProperties {
        if (maxPending < 0) {
            throw new IllegalArgumentException("spark.health.curation-lag.max-pending must not be negative, was " + maxPending);
        }
        if (!status.equals("DEGRADED") && !status.equals("OUT_OF_SERVICE")) {
            throw new IllegalArgumentException("spark.health.curation-lag.status must be DEGRADED or OUT_OF_SERVICE, was " + status);
        }
    }
}
