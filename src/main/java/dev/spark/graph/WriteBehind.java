package dev.spark.graph;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes that a caller need not wait for, committed in order on one background thread: each is still one
 * transaction. Used for bookkeeping on read paths (storing a recommendation), never for what an agent reports.
 * {@link #flush()} waits until everything submitted before it has committed.
 * <p>
 * At most {@link #DEFAULT_CAPACITY} writes wait at a time. When the database falls that far behind, a submitter
 * waits for room (back-pressure: the request that wants to write slows down instead of memory growing without
 * bound) and, after {@link #DEFAULT_WAIT}, gets a {@link QueueFullException} instead.
 */
@Component
public class WriteBehind implements AutoCloseable {

    public static final int DEFAULT_CAPACITY = 1_000;
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);

    private final Graph graph;
    private final int capacity;
    private final Duration wait;
    /** One permit per write that may be queued or running; the executor's own queue is never longer than this. */
    private final Semaphore room;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "spark-write-behind");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    public WriteBehind(Graph graph) {
        this(graph, DEFAULT_CAPACITY, DEFAULT_WAIT);
    }

    public WriteBehind(Graph graph, int capacity, Duration wait) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.graph = graph;
        this.capacity = capacity;
        this.wait = wait;
        this.room = new Semaphore(capacity);
    }

    /**
     * Queues one unit of work; {@code what} names it in the log if it fails. Waits for room while the queue is
     * full.
     *
     * @throws QueueFullException when there is still no room after the wait; the work is not queued
     */
    public void submit(String what, Function<TransactionContext, ?> work) {
        try {
            if (!room.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new QueueFullException(what, capacity, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueFullException(what, capacity, Duration.ZERO);
        }
        try {
            writer.execute(() -> {
                try {
                    graph.write(work);
                } catch (RuntimeException e) {
                    log.warn("Could not store {}: {}", what, e.getMessage());
                } finally {
                    room.release();
                }
            });
        } catch (RuntimeException rejected) {
            room.release();
            throw rejected;
        }
    }

    /** Writes queued or running now. */
    public int pending() {
        return capacity - room.availablePermits();
    }

    /** Waits up to a minute until every write submitted so far has committed (or failed). */
    public void flush() {
        flush(Duration.ofMinutes(1));
    }

    /** Waits up to {@code timeout} until every write submitted so far has committed (or failed). */
    public void flush(Duration timeout) {
        try {
            writer.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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

    /** The queue stayed full for the whole wait: the database is not keeping up with the writes submitted. */
    public static final class QueueFullException extends RuntimeException {

        QueueFullException(String what, int capacity, Duration waited) {
            super("Write-behind queue full (" + capacity + " writes pending) for " + waited.toMillis() + " ms: "
                    + what + " was not queued");
        }
    }
}
