package dev.spark.ops.internal;

import dev.spark.ai.TextEmbedder;
import dev.spark.graph.LocalStore;
import dev.spark.ops.CurationLagProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The components of {@code /actuator/health} that Spark adds: {@code database} (schema and index states, beside
 * Spring Boot's own {@code neo4j} connection check), {@code embeddingModel} and {@code curationLag}. The LLM's
 * indicator ({@code llm}) is in the AI module, next to its configuration.
 */
@Configuration(proxyBeanMethods = false)
class HealthIndicators {

    /** Reported while curation lags behind (unless configured as OUT_OF_SERVICE): the service still answers. */
    static final Status DEGRADED = new Status("DEGRADED", "curation lags behind; answers do not include the newest traces' lessons");

    @Bean
    HealthIndicator databaseHealthIndicator(OpsRepository repository, LocalStore store) {
        return () -> {
            try {
                List<OpsRepository.IndexRow> indexes = repository.indexes();
                Map<String, Long> states = indexes.stream().collect(Collectors.groupingBy(OpsRepository.IndexRow::state, TreeMap::new,
                        Collectors.counting()));
                List<String> failed = indexes.stream().filter(i -> i.state().equals("FAILED")).map(OpsRepository.IndexRow::name).toList();
                Health.Builder health = failed.isEmpty() ? Health.up() : Health.down().withDetail("failedIndexes", failed);
                health.withDetail("schemaVersion", repository.schemaVersion()).withDetail("indexes", states);
                store.directory().ifPresent(dir -> health.withDetail("store", dir.toString()));
                indexes.stream().filter(i -> i.state().equals("POPULATING")).forEach(i ->
                        health.withDetail("populating." + i.name(), String.format("%.1f%%", i.populationPercent())));
                return health.build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    @Bean
    HealthIndicator embeddingModelHealthIndicator(TextEmbedder embedder) {
        return () -> {
            long started = System.nanoTime();
            try {
                float[] vector = embedder.embedQuery("health check");
                long micros = (System.nanoTime() - started) / 1_000;
                boolean finite = vector.length > 0 && Float.isFinite(vector[0]);
                Health.Builder health = vector.length == embedder.dimensions() && finite ? Health.up() : Health.down();
                return health.withDetail("model", embedder.modelName()).withDetail("dimensions", vector.length)
                        .withDetail("weights", embedder.choice().int8() ? "int8" : "fp32")
                        .withDetail("weightsChosen", embedder.weightsChosen()).withDetail("embedMicros", micros).build();
            } catch (RuntimeException e) {
                return Health.down(e).withDetail("model", embedder.modelName()).build();
            }
        };
    }

    @Bean
    HealthIndicator curationLagHealthIndicator(OpsRepository repository, CurationLagProperties props) {
        return new CurationLag(repository, props, Clock.systemUTC());
    }

    /** Traces waiting for curation, and how long the oldest has waited. */
    record CurationLag(OpsRepository repository, CurationLagProperties props, Clock clock) implements HealthIndicator {

        @Override
        public Health health() {
            try {
                return lag();
            } catch (RuntimeException e) {
                // the database indicator reports the outage as DOWN; an exception here would make the endpoint a 500
                return Health.unknown().withDetail("error", "backlog unreadable: " + e.getMessage()).build();
            }
        }

        private Health lag() {
            OpsRepository.Backlog backlog = repository.curationBacklog();
            Duration age = backlog.oldest().map(t -> Duration.between(t, ZonedDateTime.now(clock))).orElse(Duration.ZERO);
            boolean lagging = backlog.pending() > props.maxPending() || age.compareTo(props.maxAge()) > 0;
            Status status = !lagging ? Status.UP : props.status().equals("OUT_OF_SERVICE") ? Status.OUT_OF_SERVICE : DEGRADED;
            Health.Builder health = Health.status(status)
                    .withDetail("pendingTraces", backlog.pending())
                    .withDetail("oldestPendingSeconds", age.toSeconds())
                    .withDetail("maxPending", props.maxPending())
                    .withDetail("maxAgeSeconds", props.maxAge().toSeconds());
            repository.lastCurationRun().ifPresent(run -> health.withDetail("lastRun", run));
            return health.build();
        }
    }
}
