package dev.spark;

import dev.spark.cli.SparkCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Spark: shared experiential memory for AI coding agents.
 *
 * <p>With no arguments (or {@code serve}) the GraphQL service starts; any other first argument is a command
 * of the command line ({@code ingest}, {@code bench}, {@code eval}), run against the same database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SparkApplication {

    public static void main(String[] args) {
        if (SparkCommandLine.isServe(args)) {
            try {
                SpringApplication.run(SparkApplication.class, SparkCommandLine.serveArgs(args));
            } catch (RuntimeException failedStart) {
                // Spring Boot has printed why. A thread some library started and never stops (the MCP transport's
                // session sweeper is one) would otherwise keep the failed process alive, and whoever started it
                // would wait for a service that never comes.
                System.exit(1);
            }
        } else {
            System.exit(SparkCommandLine.run(SparkApplication.class, args));
        }
    }
}
