package dev.spark.cli;

import dev.spark.ops.ExportReport;
import dev.spark.ops.MemoryExport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the whole memory (documentation, tasks, traces, lessons, clusters, curation runs, "
                + "recommendations and every relationship between them, embeddings included) as JSON Lines, to FILE or "
                + "standard output. Format: docs/cli.md.")
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "where to write; '-' or nothing: standard output")
    String file;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Mixin
    StoreOption store = new StoreOption();

    private final ContextLauncher launcher;

    ExportCommand(ContextLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws IOException {
        boolean toStdout = file == null || file.equals("-");
        Path path = toStdout ? null : Path.of(file);
        if (path != null && Files.exists(path) && !force) {
            System.err.println("spark export: " + path + " exists; pass --force to overwrite it");
            return ExitCodes.USAGE;
        }
        PrintStream stdout = System.out;
        if (toStdout) {
            // the export owns standard output: log lines and anything else printed go to standard error meanwhile
            System.setOut(System.err);
        }
        Path partial = path == null ? null : path.resolveSibling(path.getFileName() + ".partial");
        try (var context = store.open(launcher);
             OutputStream out = toStdout ? new NonClosing(stdout) : new BufferedOutputStream(Files.newOutputStream(partial,
                     StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 16)) {
            ExportReport report = context.getBean(MemoryExport.class).export(out);
            out.flush();
            if (partial != null) {
                out.close();
                Files.move(partial, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            System.err.println(report.summary() + (path == null ? "" : " to " + path));
            return ExitCodes.OK;
        } finally {
            System.setOut(stdout);
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Standard output stays open after the export. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
