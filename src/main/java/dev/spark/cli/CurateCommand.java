package dev.spark.cli;

import dev.spark.curation.CurationAlreadyRunningException;
import dev.spark.curation.CurationReport;
import dev.spark.curation.CurationService;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "curate", mixinStandardHelpOptions = true,
        description = "Run the learning loop once over the traces not curated yet: extract, screen, merge, cluster and "
                + "promote or retire lessons, recording every decision. Exits 3 when another run holds the curation lease.")
final class CurateCommand implements Callable<Integer> {

    static final int ALREADY_RUNNING = 3;

    private final ContextLauncher launcher;

    CurateCommand(ContextLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        try (var context = launcher.sharedDatabase(Map.of())) {
            CurationReport report = context.getBean(CurationService.class).curate("cli");
            System.out.println(report.summary());
            return 0;
        } catch (CurationAlreadyRunningException e) {
            System.err.println("spark curate: " + e.getMessage());
            return ALREADY_RUNNING;
        }
    }
}
