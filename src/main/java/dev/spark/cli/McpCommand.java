package dev.spark.cli;

import dev.spark.access.AccessProperties;
import dev.spark.access.ApiKeys;
import dev.spark.access.Caller;
import dev.spark.access.UnauthenticatedException;
import dev.spark.mcp.McpStdio;
import dev.spark.mcp.SparkTools;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "Serve Spark's tools to a coding agent over MCP on standard input and output (for Claude Code, "
                + "Codex, Cursor...). Uses the running service's database when one listens, the embedded one otherwise. "
                + "Only protocol messages are written to standard output; logs go to standard error. "
                + "The running service also serves MCP over HTTP at /mcp. With spark.auth.enabled, set SPARK_API_KEY to an API key.")
final class McpCommand implements Callable<Integer> {

    /** The environment variable an MCP client configuration sets to the agent's API key. */
    static final String API_KEY = "SPARK_API_KEY";

    private final ContextLauncher launcher;

    McpCommand(ContextLauncher launcher) {
        this.launcher = launcher;
    }

    /**
     * The caller every tool call is made as: the key's holder when a key is given (a wrong key is refused even with
     * auth off, rather than silently ignored), anonymous without one, unless auth is on.
     */
    static Caller caller(String key, boolean authEnabled, ApiKeys keys) {
        if (key != null && !key.isBlank()) {
            return keys.verify(key).orElseThrow(() -> new UnauthenticatedException(
                    "the key in " + API_KEY + " is unknown, revoked or mistyped"));
        }
        if (authEnabled) {
            throw new UnauthenticatedException(AccessProperties.ENABLED + " is on: set " + API_KEY
                    + " to an API key in the MCP client's configuration (spark keys create)");
        }
        return Caller.anonymous();
    }

    @Override
    public Integer call() throws InterruptedException {
        // Standard output belongs to the protocol: whatever else writes to System.out (logging, libraries) goes to
        // standard error instead, from before the context starts.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        System.setOut(System.err);
        try (var context = launcher.sharedDatabase(Map.of())) {
            Caller caller;
            try {
                caller = caller(System.getenv(API_KEY), context.getBean(AccessProperties.class).enabled(), context.getBean(ApiKeys.class));
            } catch (UnauthenticatedException e) {
                System.err.println("spark mcp: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            System.err.println("Spark MCP server ready on standard input and output" + (caller.authenticated()
                    ? " as agent " + caller.agentId() + " in space " + caller.space() : ""));
            McpStdio.serve(context.getBean(SparkTools.class), caller, System.in, protocol);
        }
        return 0;
    }
}
