package dev.spark.faults;

import dev.spark.SparkApplication;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spark in a child JVM, so that a test can kill it the way an operating system does: {@link #kill()} is
 * {@link Process#destroyForcibly()}, SIGKILL on Linux, which runs no shutdown hook, flushes nothing and closes no
 * store. The child runs the test class path's classes (the code under test), with its output in a log file next
 * to its store.
 */
final class SparkProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Exit status of a process killed by SIGKILL (128 + 9). */
    static final int KILLED = 137;

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int boltPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SparkProcess(Process process, Path log, int httpPort, int boltPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.boltPort = boltPort;
    }

    /**
     * Starts the service on the embedded store under {@code home}, on free ports, without Neo4j Browser, scheduled
     * curation or rate limits; {@code extra} adds or overrides Spring properties.
     */
    static SparkProcess serve(Path home, Map<String, String> extra) {
        return serve(home, extra, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@link #serve(Path, Map)} with {@code tmpDir} as the child's {@code java.io.tmpdir}, to see what it leaves there. */
    static SparkProcess serve(Path home, Map<String, String> extra, Path tmpDir) {
        int http = freePort();
        int bolt = freePort();
        List<String> args = new ArrayList<>(List.of("serve",
                "--server.port=" + http,
                "--spark.neo4j.uri=",
                "--spark.neo4j.home=" + home,
                "--spark.neo4j.bolt-port=" + bolt,
                "--spark.neo4j.http-enabled=false",
                "--spark.neo4j.page-cache=64MB",
                "--spark.curation.schedule=-",
                "--spark.rate-limit.enabled=false",
                "--spring.main.banner-mode=off"));
        extra.forEach((key, value) -> args.add("--" + key + "=" + value));
        Path log = home.resolveSibling(home.getFileName() + "-serve.log");
        return new SparkProcess(launch(log, tmpDir, List.of(), args), log, http, bolt);
    }

    /**
     * Runs a command of the command line ({@code ingest docs ...}) on the embedded store under {@code home}. The
     * Bolt port it probes for a running service is a free one, so it never writes into a service that happens to
     * run on this machine.
     */
    static SparkProcess command(Path home, String... command) {
        Path log = home.resolveSibling(home.getFileName() + "-" + command[0] + ".log");
        List<String> properties = List.of("-Dspark.neo4j.uri=", "-Dspark.neo4j.home=" + home, "-Dspark.neo4j.bolt-port=" + freePort(),
                "-Dspark.neo4j.page-cache=64MB");
        return new SparkProcess(launch(log, Path.of(System.getProperty("java.io.tmpdir")), properties, List.of(command)), log, -1, -1);
    }

    private static Process launch(Path log, Path tmpDir, List<String> properties, List<String> args) {
        try {
            // an argument file keeps a long class path off the command line
            Path argFile = Files.createTempFile("spark-child-", ".args");
            argFile.toFile().deleteOnExit();
            Files.writeString(argFile, "-cp\n" + quote(classPath()) + "\n");
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "@" + argFile, "-Xmx768m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmpDir));
            String jna = System.getProperty("jna.tmpdir");
            if (jna != null) {
                command.add("-Djna.tmpdir=" + jna);
            }
            command.addAll(properties);
            command.add(SparkApplication.class.getName());
            command.addAll(args);
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The class path the tests run with. Surefire may start the test JVM with a manifest-only jar whose
     * {@code Class-Path} lists the real entries; the child gets the real entries, so it does not depend on that
     * jar outliving the test JVM.
     */
    static String classPath() {
        String path = System.getProperty("java.class.path");
        String[] entries = path.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries[0])) {
                Manifest manifest = jar.getManifest();
                String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (listed != null && !listed.isBlank()) {
                    List<String> real = new ArrayList<>();
                    for (String url : listed.trim().split("\\s+")) {
                        real.add(Path.of(URI.create(url.startsWith("file:") ? url : "file:" + url)).toString());
                    }
                    return String.join(File.pathSeparator, real);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return path;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /actuator/health} answers HTTP 200 (UP, or DEGRADED while curation lags). */
    SparkProcess awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Spark exited with " + process.exitValue() + " before it was healthy:\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(200);
        }
        throw new IllegalStateException("Spark was not healthy within " + timeout + ":\n" + logTail());
    }

    /** Posts a GraphQL document; the parsed response, or an exception when the request got no HTTP answer. */
    JsonNode graphQl(String document, Map<String, Object> variables, Duration timeout) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/graphql")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    URI boltUri() {
        return URI.create("bolt://127.0.0.1:" + boltPort);
    }

    /** SIGKILL; returns the exit status once the process is gone. */
    int kill() {
        process.destroyForcibly();
        return waitFor(Duration.ofSeconds(30));
    }

    int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Spark did not exit within " + timeout + ":\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    String logTail() {
        String text = logText();
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the service the ordinary way (SIGTERM: Spring closes the store), or makes sure it is gone. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
