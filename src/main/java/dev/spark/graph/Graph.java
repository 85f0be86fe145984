package dev.spark.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * The one door to the database for Spark's modules: parameterised Cypher in managed transactions.
 * A unit of work passed to {@link #write} commits as a whole or not at all (and is retried on transient
 * errors), which is what keeps every batch and every trace all-or-nothing.
 */
@Component
public class Graph {

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

    /** Runs one read query and returns its records. */
    public List<Record> query(String cypher, Map<String, Object> parameters) {
        return read(tx -> tx.run(cypher, parameters).list());
    }

    /** Runs one write statement in its own transaction. */
    public void execute(String cypher, Map<String, Object> parameters) {
        write(tx -> tx.run(cypher, parameters).consume());
    }
}
