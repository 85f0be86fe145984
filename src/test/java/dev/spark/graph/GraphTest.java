package dev.spark.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.SparkIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.beans.factory.annotation.Autowired;

@SparkIntegrationTest
class GraphTest {

    @Autowired
    Graph graph;

    @Test
    void aQueryReadsWhatACommittedWriteLeftAndCannotWrite() {
        graph.execute("CREATE (:GraphTestProbe {id: $id})", Map.of("id", "probe-1"));

        List<Record> found = graph.query("MATCH (p:GraphTestProbe {id: $id}) RETURN p.id AS id", Map.of("id", "probe-1"));
        assertThat(found).extracting(r -> r.get("id").asString()).containsExactly("probe-1");

        // a query runs in read access mode, as the managed read transaction it replaces did
        assertThatThrownBy(() -> graph.query("CREATE (p:GraphTestProbe {id: $id}) RETURN p.id AS id", Map.of("id", "probe-2")))
                .isInstanceOf(ClientException.class);
        assertThat(graph.query("MATCH (p:GraphTestProbe) RETURN count(p) AS n", Map.of()).get(0).get("n").asLong()).isEqualTo(1);

        graph.execute("MATCH (p:GraphTestProbe) DELETE p", Map.of());
    }

    @Test
    void retryableErrorsAreRetriedAndOthersAreNot() {
        AtomicInteger attempts = new AtomicInteger();
        String answer = Graph.retried(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ServiceUnavailableException("the database is starting");
            }
            return "answer";
        });
        assertThat(answer).isEqualTo("answer");
        assertThat(attempts).hasValue(3);

        attempts.set(0);
        assertThatThrownBy(() -> Graph.retried(() -> {
            attempts.incrementAndGet();
            throw new ClientException("Neo.ClientError.Statement.SyntaxError", "bad query");
        })).isInstanceOf(ClientException.class);
        assertThat(attempts).as("a client error is not retried").hasValue(1);

        attempts.set(0);
        assertThatThrownBy(() -> Graph.retried(() -> {
            attempts.incrementAndGet();
            throw new TransientException("Neo.TransientError.General.DatabaseUnavailable", "still unavailable");
        })).isInstanceOf(TransientException.class);
        assertThat(attempts).as("gives up after the last attempt").hasValue(Graph.QUERY_ATTEMPTS);
    }
}
