package dev.spark.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/** Starts the Spring context (without the web server) that a command runs in. */
final class ContextLauncher {

    private final Class<?> application;

    ContextLauncher(Class<?> application) {
        this.application = application;
    }

    /**
     * The database users expect: the one configured by {@code SPARK_NEO4J_URI}; else the running Spark service's
     * embedded database over Bolt, when something listens on the configured Bolt port; else the embedded
     * database opened by this process (without Neo4j Browser).
     */
    ConfigurableApplicationContext sharedDatabase(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        var env = new StandardEnvironment();
        String uri = env.getProperty("spark.neo4j.uri", env.getProperty("SPARK_NEO4J_URI", ""));
        if (uri.isBlank()) {
            String host = env.getProperty("spark.neo4j.listen-address", env.getProperty("SPARK_NEO4J_LISTEN_ADDRESS", "127.0.0.1"));
            int port = Integer.parseInt(env.getProperty("spark.neo4j.bolt-port", env.getProperty("SPARK_NEO4J_BOLT_PORT", "7687")));
            if (listening(host, port)) {
                props.put("spark.neo4j.uri", "bolt://" + host + ":" + port);
                System.err.println("Using the running Spark database at bolt://" + host + ":" + port);
            } else {
                props.put("spark.neo4j.bolt-port", 0);
                props.put("spark.neo4j.http-enabled", false);
            }
        }
        return start(props);
    }

    /** A context on a fresh embedded database under {@code home}, for benchmarks and evaluations. */
    ConfigurableApplicationContext privateDatabase(Path home, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("spark.neo4j.uri", "");
        props.put("spark.neo4j.home", home.toString());
        props.put("spark.neo4j.bolt-port", 0);
        props.put("spark.neo4j.http-enabled", false);
        return start(props);
    }

    /**
     * The whole service (GraphQL over HTTP on a free loopback port, read back as {@code local.server.port}) on a
     * fresh embedded database under {@code home}, for benchmarks that go through the network like agents do.
     */
    ConfigurableApplicationContext privateService(Path home, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("spark.neo4j.uri", "");
        props.put("spark.neo4j.home", home.toString());
        props.put("spark.neo4j.bolt-port", 0);
        props.put("spark.neo4j.http-enabled", false);
        props.put("server.address", "127.0.0.1");
        props.put("server.port", 0);
        return start(props, WebApplicationType.SERVLET);
    }

    private ConfigurableApplicationContext start(Map<String, Object> props) {
        return start(props, WebApplicationType.NONE);
    }

    private ConfigurableApplicationContext start(Map<String, Object> props, WebApplicationType type) {
        props.putIfAbsent("spring.main.banner-mode", "off");
        props.putIfAbsent("logging.level.root", "WARN");
        props.putIfAbsent("logging.level.dev.spark", "WARN");
        // As command-line arguments, these outrank application.yaml and the environment.
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(application)
                .web(type)
                .logStartupInfo(false)
                .run(args);
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
