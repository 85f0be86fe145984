package dev.spark.cli;

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
                + "The running service also serves MCP over HTTP at /mcp.")
final class McpCommand implements Callable<Integer> {

    private final ContextLauncher launcher;

    McpCommand(ContextLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws InterruptedException {
        // Standard output belongs to the protocol: whatever else writes to System.out (logging, libraries) goes to
        // standard error instead, from before the context starts.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        System.setOut(System.err);
        try (var context = launcher.sharedDatabase(Map.of())) {
            System.err.println("Spark MCP server ready on standard input and output");
            McpStdio.serve(context.getBean(SparkTools.class), System.in, protocol);
        }
        return 0;
    }
}
