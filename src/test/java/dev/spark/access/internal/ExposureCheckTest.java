package dev.spark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.SparkApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** The service refuses to listen beyond loopback without auth, before it opens anything. */
class ExposureCheckTest {

    @TempDir
    Path home;

    @Test
    void theServiceRefusesANonLoopbackAddressWithoutAuthBeforeOpeningTheDatabase() {
        // as command-line arguments, which outrank application.yaml (default properties would not)
        assertThatThrownBy(() -> new SpringApplicationBuilder(SparkApplication.class)
                .run("--server.address=0.0.0.0", "--server.port=0", "--spark.neo4j.home=" + home, "--spark.neo4j.bolt-port=0",
                        "--spark.neo4j.http-enabled=false", "--spark.curation.schedule=-").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spark.auth.enabled").hasMessageContaining("0.0.0.0");
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void loopbackNeedsNoAuthAndAnyOtherAddressNeedsIt() {
        for (String loopback : new String[] {"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
            assertThatCode(() -> ExposureCheck.verify(new MockEnvironment().withProperty("server.address", loopback)))
                    .as(loopback).doesNotThrowAnyException();
        }
        for (String exposed : new String[] {"0.0.0.0", "::", "10.1.2.3", ""}) {
            assertThatThrownBy(() -> ExposureCheck.verify(new MockEnvironment().withProperty("server.address", exposed)))
                    .as(exposed).hasMessageContaining("spark.auth.enabled");
            assertThatCode(() -> ExposureCheck.verify(new MockEnvironment().withProperty("server.address", exposed)
                    .withProperty("spark.auth.enabled", "true"))).as(exposed).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> ExposureCheck.verify(new MockEnvironment())).hasMessageContaining("every interface");
    }
}
