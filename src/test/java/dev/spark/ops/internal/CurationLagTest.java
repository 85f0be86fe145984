package dev.spark.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import dev.spark.ops.CurationLagProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The curation backlog is UP below both thresholds, and DEGRADED (or OUT_OF_SERVICE) above either. */
@SparkIntegrationTest
class CurationLagTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Autowired
    OpsRepository repository;

    @Autowired
    Graph graph;

    @BeforeEach
    void twoWaitingTraces() {
        GraphFixtures.clear(graph);
        graph.execute("""
                CREATE (:Trace:Uncurated {id: 'old', createdAt: datetime('2026-06-01T11:00:00Z')}),
                       (:Trace:Uncurated {id: 'new', createdAt: datetime('2026-06-01T11:59:00Z')}),
                       (:Trace {id: 'done', createdAt: datetime('2026-01-01T00:00:00Z')})""", Map.of());
    }

    @Test
    void upWithDetailsWhileTheBacklogIsWithinBothThresholds() {
        Health health = lag(2, Duration.ofHours(2), "DEGRADED");

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("pendingTraces", 2L).containsEntry("oldestPendingSeconds", 3600L);
    }

    @Test
    void degradedAboveEitherThresholdOrOutOfServiceWhenSoConfigured() {
        assertThat(lag(1, Duration.ofHours(2), "DEGRADED").getStatus().getCode()).as("too many").isEqualTo("DEGRADED");
        assertThat(lag(10, Duration.ofMinutes(30), "DEGRADED").getStatus().getCode()).as("too old").isEqualTo("DEGRADED");
        assertThat(lag(10, Duration.ofMinutes(30), "OUT_OF_SERVICE").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    private Health lag(long maxPending, Duration maxAge, String status) {
        return new HealthIndicators.CurationLag(repository, new CurationLagProperties(maxPending, maxAge, status),
                Clock.fixed(NOW, ZoneOffset.UTC)).health();
    }
}
