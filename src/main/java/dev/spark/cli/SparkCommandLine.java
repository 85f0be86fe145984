package dev.spark.cli;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the jar's commands. */
@Command(name = "spark", mixinStandardHelpOptions = true, version = "Spark 0.1.0",
        description = "Shared experiential memory for AI coding agents.",
        subcommands = {ServeCommand.class, IngestCommand.class, CurateCommand.class, McpCommand.class, BenchCommand.class, EvalCommand.class,
                StatsCommand.class, ExportCommand.class, ImportCommand.class, KeysCommand.class, ForgetCommand.class})
public final class SparkCommandLine {

    private static final Set<String> SERVE = Set.of("serve");

    private SparkCommandLine() {
    }

    /** True when the arguments ask for the service (no command, {@code serve}, or only Spring options). */
    public static boolean isServe(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            return false; // `serve --help` is answered by the command line, not by starting the service
        }
        return args.length == 0 || SERVE.contains(args[0]) || args[0].startsWith("--spring") || args[0].startsWith("--spark")
                || args[0].startsWith("--server");
    }

    /** The arguments handed to Spring when serving ({@code serve} itself dropped). */
    public static String[] serveArgs(String[] args) {
        return args.length > 0 && SERVE.contains(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
    }

    /** Runs a command and returns its exit code. */
    public static int run(Class<?> application, String[] args) {
        ContextLauncher launcher = new ContextLauncher(application);
        return new CommandLine(SparkCommandLine.class, new Factory(launcher)).execute(args);
    }

    /** Creates commands, handing the context launcher to those that take it. */
    private record Factory(ContextLauncher launcher) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == ContextLauncher.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(launcher));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
