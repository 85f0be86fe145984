package dev.spark.cli;

import dev.spark.ops.ImportFormatException;
import dev.spark.ops.ImportRefusedException;
import dev.spark.ops.ImportReport;
import dev.spark.ops.MemoryImport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load a file written by 'spark export' into a database that holds no memory yet. A bad line stops "
                + "the import with its line number and field, and removes everything the import wrote. "
                + "Exits 4 when the database already holds memory (see --merge).")
final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the export to load; '-': standard input")
    String file;

    @Option(names = "--merge", description = "import into a database that already holds memory: nodes whose key exists "
            + "are kept as they are, the others are added with the relationships that touch them")
    boolean merge;

    @Mixin
    StoreOption store = new StoreOption();

    private final ContextLauncher launcher;

    ImportCommand(ContextLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws IOException {
        boolean fromStdin = file.equals("-");
        if (!fromStdin && !Files.isRegularFile(Path.of(file))) {
            System.err.println("spark import: no such file: " + file);
            return ExitCodes.USAGE;
        }
        try (var context = store.open(launcher);
             InputStream in = fromStdin ? System.in : new BufferedInputStream(Files.newInputStream(Path.of(file)), 1 << 16)) {
            ImportReport report = context.getBean(MemoryImport.class).importFrom(in, new MemoryImport.Options(merge));
            System.out.println(report.summary());
            return ExitCodes.OK;
        } catch (ImportRefusedException e) {
            System.err.println("spark import: " + e.getMessage());
            return ExitCodes.NOT_EMPTY;
        } catch (ImportFormatException e) {
            System.err.println("spark import: " + (fromStdin ? "<stdin>" : file) + ", " + e.getMessage()
                    + "; nothing was imported");
            return ExitCodes.FAILED;
        }
    }
}
