package dev.spark.graph;

import dev.spark.graph.internal.Neo4jProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The directory of the embedded store, when this machine holds it: the database is embedded in this process, or
 * it is the Spark service on loopback at the configured Bolt port, whose store is the configured home (a command
 * talking to the local service).
 * An external or remote database has no local store.
 */
@Component
public class LocalStore {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private final Neo4jProperties props;

    public LocalStore(Neo4jProperties props) {
        this.props = props;
    }

    public Optional<Path> directory() {
        Path home = props.home().toAbsolutePath().normalize();
        boolean local = props.embedded() || servedHere(URI.create(props.uri()));
        return local && Files.isDirectory(home) ? Optional.of(home) : Optional.empty();
    }

    /** The Spark service on this machine, whose Bolt port is the configured embedded one. */
    private boolean servedHere(URI uri) {
        return LOOPBACK.contains(String.valueOf(uri.getHost())) && uri.getPort() == props.boltPort();
    }

    /** Bytes the store takes on disk (every file under its directory), when it is local. */
    public Optional<Long> sizeOnDisk() {
        return directory().map(LocalStore::bytesUnder);
    }

    private static long bytesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // a file removed while walking (a rotated log) no longer counts
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
