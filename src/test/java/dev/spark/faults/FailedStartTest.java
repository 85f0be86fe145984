package dev.spark.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that cannot start says why and exits, so that a supervisor or a script sees the failure. */
class FailedStartTest {

    @TempDir
    Path tmp;

    @Test
    void aBadSettingStopsTheStartNamingTheSettingAndTheProcessExits() {
        try (SparkProcess spark = SparkProcess.serve(tmp.resolve("store"), Map.of("spark.embedding.optimization", "FASTEST"))) {
            int status = spark.waitFor(Duration.ofMinutes(2));

            assertThat(status).isNotZero();
            assertThat(spark.logText()).contains("APPLICATION FAILED TO START", "spark.embedding.optimization");
        }
    }
}
