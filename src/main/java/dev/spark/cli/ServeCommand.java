package dev.spark.cli;

import picocli.CommandLine.Command;

/** Listed for {@code --help}; serving itself is started by the application's main method. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the service (the default): GraphQL on :8080/graphql, MCP on :8080/mcp, "
        + "embedded Neo4j with Bolt on 127.0.0.1:7687 and Neo4j Browser on http://127.0.0.1:7474/browser/.")
final class ServeCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalStateException("serve is started by SparkApplication.main");
    }
}
