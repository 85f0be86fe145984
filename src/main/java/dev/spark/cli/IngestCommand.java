package dev.spark.cli;

import dev.spark.knowledge.DocumentIngestor;
import dev.spark.knowledge.IngestOptions;
import dev.spark.knowledge.IngestProblem;
import dev.spark.knowledge.IngestReport;
import dev.spark.validation.InvalidInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Load data into the knowledge base.", subcommands = IngestCommand.Docs.class)
final class IngestCommand {

    @Command(name = "docs",
            description = "Load documentation: JSONL blobs (.jsonl, .jsonl.gz) or Markdown/RST/text pages, "
                    + "from a file or a directory. Unchanged records are skipped; exits 1 if any record was rejected.")
    static final class Docs implements Callable<Integer> {

        // not mixinStandardHelpOptions: its -V/--version would clash with the library's --version
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Parameters(paramLabel = "PATH", description = "file or directory")
        Path path;

        @Option(names = "--library", description = "library of Markdown/RST/text pages (default: the directory name)")
        String library;

        @Option(names = "--version", description = "library version of Markdown/RST/text pages")
        String version;

        @Option(names = "--batch-size", defaultValue = "" + IngestOptions.DEFAULT_BATCH_SIZE,
                description = "records per batch and transaction (default ${DEFAULT-VALUE})")
        int batchSize;

        @Option(names = "--max-chunk-chars", defaultValue = "2000", description = "size cap of chunks split from text pages (default ${DEFAULT-VALUE})")
        int maxChunkChars;

        private final ContextLauncher launcher;

        Docs(ContextLauncher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            try (var context = launcher.sharedDatabase(Map.of())) {
                IngestReport report = context.getBean(DocumentIngestor.class).ingest(path,
                        new IngestOptions(library, version, batchSize, maxChunkChars), new TerminalProgress("Ingesting"));
                System.out.println(report.summary());
                if (report.failed()) {
                    System.err.println("Rejected records:");
                    report.problems().stream().limit(100).map(IngestProblem::toString).forEach(p -> System.err.println("  " + p));
                    if (report.problems().size() > 100) {
                        System.err.println("  ... and " + (report.problems().size() - 100) + " more");
                    }
                    return 1;
                }
                return 0;
            } catch (InvalidInputException e) {
                System.err.println("spark ingest docs: " + e.getMessage());
                return 2;
            }
        }
    }
}
