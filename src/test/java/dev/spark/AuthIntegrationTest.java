package dev.spark;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole service with {@code spark.auth.enabled} on, against a database of its own (an embedded store can be
 * opened once per JVM, and {@link SparkIntegrationTest}'s context keeps the shared one open). Every test class that
 * needs auth uses exactly this configuration, so they share this one extra context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DatabaseAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AuthTestDatabase.class)
@TestExecutionListeners(listeners = FlushPendingWrites.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface AuthIntegrationTest {
}
