package dev.spark.cli;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/** {@code --home}: work on the embedded store in that directory instead of the configured database. */
final class StoreOption {

    @Option(names = "--home", paramLabel = "DIR",
            description = "an embedded store directory to open (created if missing); default: the running service's "
                    + "database, else the configured one")
    Path home;

    ConfigurableApplicationContext open(ContextLauncher launcher) {
        return home == null ? launcher.sharedDatabase(Map.of()) : launcher.privateDatabase(home, Map.of());
    }
}
