package dev.spark.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Config;
import org.neo4j.driver.Logger;
import org.neo4j.driver.Logging;

/** The driver sends every statement through its debug log: with debug off, nothing of it may be formatted. */
class DriverLoggingTest {

    @Test
    void aDebugLineOfTheDriverIsNotFormattedWhileDebugIsOff() {
        Config.ConfigBuilder builder = Config.builder();
        new Neo4jConfiguration().driverLogging().customize(builder);

        assertThat(formattings(builder.build().logging())).isZero();
        // the driver's default formats the line before it asks whether anyone reads it
        assertThat(formattings(Logging.systemLogging())).isEqualTo(1);
    }

    /** How often a debug line's argument was turned into text (the test's logging configuration keeps debug off). */
    private static int formattings(Logging logging) {
        Logger log = logging.getLog("org.neo4j.driver.spark-test");
        AtomicInteger formatted = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "RUN {vector: [0.1, 0.2, ...]}";
            }
        };
        log.debug("C: %s", message);
        return formatted.get();
    }
}
