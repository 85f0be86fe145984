package dev.spark.access.internal;

import dev.spark.access.AccessProperties;
import dev.spark.graph.ListenAddress;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.web.context.WebApplicationContext;

/**
 * Refuses to start a web server that listens beyond loopback while auth is off: every write path would be open to
 * anyone on the network. Runs before any bean is created (registered in {@code META-INF/spring.factories}), so
 * nothing is opened, not even the database. Commands without a web server are not concerned.
 */
public class ExposureCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context instanceof WebApplicationContext) {
            verify(context.getEnvironment());
        }
    }

    /** @throws IllegalStateException naming {@code spark.auth.enabled} when the server would be exposed without auth */
    public static void verify(Environment env) {
        boolean auth = env.getProperty(AccessProperties.ENABLED, Boolean.class, false);
        String address = env.getProperty("server.address");
        if (!auth && !ListenAddress.isLoopback(address)) {
            throw new IllegalStateException("Refusing to start: the HTTP server would listen on "
                    + (address == null || address.isBlank() ? "every interface" : "'" + address + "'")
                    + " (server.address, SPARK_HTTP_ADDRESS), which is not loopback, while " + AccessProperties.ENABLED
                    + " is false. Set " + AccessProperties.ENABLED + "=true (SPARK_AUTH_ENABLED=true) and create keys with "
                    + "`spark keys create`, or listen on 127.0.0.1.");
        }
    }
}
