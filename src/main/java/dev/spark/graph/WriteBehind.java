package dev.spark.graph;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes that a caller need not wait for, committed in order on one background thread: each is still one
 * transaction. Used for bookkeeping on read paths (storing a recommendation), never for what an agent reports.
 * {@link #flush()} waits until everything submitted before it has committed.
 */
@Component
public class WriteBehind implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);

    private final Graph graph;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "spark-write-behind");
        t.setDaemon(true);
        return t;
    });

    public WriteBehind(Graph graph) {
        this.graph = graph;
    }

    /** Queues one unit of work; {@code what} names it in the log if it fails. */
    public void submit(String what, Function<TransactionContext, ?> work) {
        writer.execute(() -> {
            try {
                graph.write(work);
            } catch (RuntimeException e) {
                log.warn("Could not store {}: {}", what, e.getMessage());
            }
        });
    }

    /** Waits until every write submitted so far has committed (or failed). */
    public void flush() {
        try {
            writer.submit(() -> { }).get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Pending writes did not finish: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Pending writes were dropped at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
