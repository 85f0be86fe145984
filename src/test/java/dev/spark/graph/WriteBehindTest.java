package dev.spark.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.SparkIntegrationTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SparkIntegrationTest
class WriteBehindTest {

    @Autowired
    Graph graph;

    @Test
    void aFullQueueMakesTheSubmitterWaitAndThenRefusesWithAClearError() throws Exception {
        CountDownLatch databaseSlow = new CountDownLatch(1);
        AtomicInteger committed = new AtomicInteger();
        try (WriteBehind writes = new WriteBehind(graph, 2, Duration.ofMillis(300))) {
            for (int i = 0; i < 2; i++) {
                writes.submit("slow write " + i, tx -> {
                    await(databaseSlow);
                    return committed.incrementAndGet();
                });
            }
            assertThat(writes.pending()).isEqualTo(2);

            long started = System.nanoTime();
            assertThatThrownBy(() -> writes.submit("one too many", tx -> committed.incrementAndGet()))
                    .isInstanceOf(WriteBehind.QueueFullException.class)
                    .hasMessage("Write-behind queue full (2 writes pending) for 300 ms: one too many was not queued");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for room first").isGreaterThanOrEqualTo(Duration.ofMillis(250));

            // a submitter that finds the queue full goes on as soon as the writer catches up
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> writes.submit("after the jam", tx -> committed.incrementAndGet()));
            assertThat(waiting).isNotDone();
            databaseSlow.countDown();
            waiting.get(10, TimeUnit.SECONDS);
            writes.flush();

            assertThat(committed).hasValue(3);
            assertThat(writes.pending()).isZero();
        }
    }

    @Test
    void theQueueIsBoundedByDefault() {
        try (WriteBehind writes = new WriteBehind(graph)) {
            assertThat(writes.pending()).isZero();
        }
        assertThat(WriteBehind.DEFAULT_CAPACITY).isPositive().isLessThanOrEqualTo(10_000);
        assertThatThrownBy(() -> new WriteBehind(graph, 0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
