package dev.spark.experience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The feed of traces waiting for curation: a trace leaves it once, to exactly one claiming transaction. */
@SparkIntegrationTest
class TraceFeedTest {

    @Autowired
    TraceRecorder recorder;

    @Autowired
    TraceFeed feed;

    @Autowired
    Graph graph;

    @Test
    void ofTwoTransactionsClaimingOneTraceOnlyTheFirstGetsIt() throws Exception {
        String traceId = recorder.record(new TraceInput("feed-agent", null,
                new TaskInput("Transpose the numpy array a.", null, List.of("numpy")), "result = a.T",
                Outcome.SUCCESS, null, null, List.of(), null, null)).traceId();
        CountDownLatch firstHoldsIt = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> graph.write(tx -> {
            boolean claimed = feed.claim(tx, traceId);
            firstHoldsIt.countDown();
            await(commitFirst);
            return claimed;
        }));
        assertThat(firstHoldsIt.await(1, TimeUnit.MINUTES)).isTrue();
        // the first transaction holds the trace: the second either waits for its commit or starts after it
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> graph.write(tx -> feed.claim(tx, traceId)));
        commitFirst.countDown();

        assertThat(first.get(1, TimeUnit.MINUTES)).isTrue();
        assertThat(second.get(1, TimeUnit.MINUTES)).isFalse();
        assertThat(feed.pending(10_000)).extracting(PendingTrace::traceId).doesNotContain(traceId);
    }

    @Test
    void aClaimThatRollsBackLeavesTheTraceInTheFeed() {
        String traceId = recorder.record(new TraceInput("feed-agent", null,
                new TaskInput("Flatten the numpy array a.", null, List.of("numpy")), "result = a.ravel()",
                Outcome.SUCCESS, null, null, List.of(), null, null)).traceId();

        try {
            graph.write(tx -> {
                assertThat(feed.claim(tx, traceId)).isTrue();
                throw new IllegalStateException("curation failed after the claim");
            });
        } catch (IllegalStateException expected) {
            // the claim rolled back with the rest of the transaction
        }

        assertThat(feed.pending(10_000)).extracting(PendingTrace::traceId).contains(traceId);
        Boolean claimedAgain = graph.write(tx -> feed.claim(tx, traceId));
        assertThat(claimedAgain).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
