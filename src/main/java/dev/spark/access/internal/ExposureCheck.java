package dev.spark.access.internal;

import dev.spark.access.AccessProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
        if (!auth && !loopback(address)) {
            throw new IllegalStateException("Refusing to start: the HTTP server would listen on "
                    + (address == null || address.isBlank() ? "every interface" : "'" + address + "'")
                    + " (server.address, SPARK_HTTP_ADDRESS), which is not loopback, while " + AccessProperties.ENABLED
                    + " is false. Set " + AccessProperties.ENABLED + "=true (SPARK_AUTH_ENABLED=true) and create keys with "
                    + "`spark keys create`, or listen on 127.0.0.1.");
        }
    }

    /** True for a loopback address or a name that resolves to one; blank means every interface. */
    static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
