package dev.spark.api;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client (Bucket4j): a request that finds its client's bucket empty is answered with HTTP 429,
 * a {@code Retry-After} header and a GraphQL-shaped error, before it reaches GraphQL.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimitProperties limits;
    private final ClientKeyResolver keys;
    /** Least recently used first; bounded, so clients that keep changing their key cannot exhaust memory. */
    private final Map<String, Bucket> buckets;

    RateLimitFilter(RateLimitProperties limits, ClientKeyResolver keys) {
        this.limits = limits;
        this.keys = keys;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > limits.maxClients();
            }
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!limits.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        String client = keys.clientKey(request);
        ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        log.debug("Rate limit reached by {}; retry after {} s", client, retryAfter);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(String.format("{\"errors\":[{\"message\":\"Rate limit of %d requests per second "
                        + "(bursts of %d) reached for this client; retry after %d s (spark.rate-limit.requests-per-second)\","
                        + "\"extensions\":{\"classification\":\"%s\",\"limit\":\"spark.rate-limit.requests-per-second\","
                        + "\"max\":%d,\"burst\":%d,\"retryAfterSeconds\":%d}}]}",
                limits.requestsPerSecond(), limits.burst(), retryAfter, LimitExceeded.RATE_LIMITED.name(),
                limits.requestsPerSecond(), limits.burst(), retryAfter));
    }

    private Bucket bucket(String client) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(client, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limits.burst())
                            .refillGreedy(limits.requestsPerSecond(), Duration.ofSeconds(1)).build())
                    .build());
        }
    }
}
