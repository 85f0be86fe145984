package dev.spark.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.RetryableException;
import org.springframework.stereotype.Component;

/**
 * The one door to the database for Spark's modules: parameterised Cypher, units of work in managed transactions and
 * single read statements as auto-commit queries ({@link #query}). A unit of work passed to {@link #write} commits as
 * a whole or not at all (and is retried on transient errors), which is what keeps every batch and every trace
 * all-or-nothing.
 */
@Component
public class Graph {

    /** Attempts of a single read query that fails with a retryable error (the database briefly unavailable). */
    static final int QUERY_ATTEMPTS = 5;

    /** The wait before the second attempt; it doubles before each further one (50, 100, 200, 400 ms). */
    static final long FIRST_BACKOFF_MILLIS = 50;

    private static final SessionConfig READ_QUERIES = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();

    private final Driver driver;

    public Graph(Driver driver) {
        this.driver = driver;
    }

    public <T> T read(Function<TransactionContext, T> work) {
        try (Session session = driver.session(SessionConfig.defaultConfig())) {
            return session.executeRead(work::apply);
        }
    }

    public <T> T write(Function<TransactionContext, T> work) {
        try (Session session = driver.session(SessionConfig.defaultConfig())) {
            return session.executeWrite(work::apply);
        }
    }

    /**
     * Runs one read query and returns its records. One statement is its own transaction, so it runs as an auto-commit
     * query: one round trip to the database, where a managed transaction takes a second one to commit (about 1 ms a
     * statement over Bolt on loopback, measured in docs/benchmarks.md). Retryable errors are retried as in a managed
     * transaction, {@link #QUERY_ATTEMPTS} times at most.
     */
    public List<Record> query(String cypher, Map<String, Object> parameters) {
        return retried(() -> {
            try (Session session = driver.session(READ_QUERIES)) {
                return session.run(cypher, parameters).list();
            }
        });
    }

    /** Runs {@code attempt} until it returns or fails with an error that is not retryable, at most {@link #QUERY_ATTEMPTS} times. */
    static <T> T retried(Supplier<T> attempt) {
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (!(e instanceof RetryableException) || tried == QUERY_ATTEMPTS) {
                    throw e;
                }
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to retry a query", interrupted);
            }
            backoff *= 2;
        }
    }

    /** Runs one write statement in its own transaction. */
    public void execute(String cypher, Map<String, Object> parameters) {
        write(tx -> tx.run(cypher, parameters).consume());
    }
}
