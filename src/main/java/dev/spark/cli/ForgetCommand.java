package dev.spark.cli;

import dev.spark.curation.CurationAlreadyRunningException;
import dev.spark.forgetting.ForgetKind;
import dev.spark.forgetting.ForgetReport;
import dev.spark.forgetting.ForgetSubjectNotFoundException;
import dev.spark.forgetting.Forgetting;
import dev.spark.validation.InvalidInputException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "forget", mixinStandardHelpOptions = true,
        description = "Forget a trace, an agent or a space with everything derived from it, leaving an audit record without "
                + "content (docs/security.md). Exits 2 for an unknown id, 3 while a curation run holds the lease.")
final class ForgetCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIND", description = "trace, agent or space")
    String kind;

    @Parameters(index = "1", paramLabel = "ID", description = "the id of the trace, agent or space")
    String id;

    private final ContextLauncher launcher;

    ForgetCommand(ContextLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        ForgetKind what;
        try {
            what = ForgetKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("spark forget: KIND must be trace, agent or space, was '" + kind + "'");
            return ExitCodes.USAGE;
        }
        try (var context = launcher.sharedDatabase(Map.of())) {
            Forgetting forgetting = context.getBean(Forgetting.class);
            ForgetReport report = switch (what) {
                case TRACE -> forgetting.forgetTrace(id, "cli");
                case AGENT -> forgetting.forgetAgent(id, "cli");
                case SPACE -> forgetting.forgetSpace(id, "cli");
            };
            System.out.println(report.summary());
            return ExitCodes.OK;
        } catch (ForgetSubjectNotFoundException | InvalidInputException e) {
            System.err.println("spark forget: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (CurationAlreadyRunningException e) {
            System.err.println("spark forget: " + e.getMessage() + "; forget again once it is over");
            return ExitCodes.BUSY;
        }
    }
}
