package dev.spark.cli;

import dev.spark.eval.Ds1000Evaluation;
import dev.spark.eval.EvalReport;
import dev.spark.eval.ExperiencePresentException;
import dev.spark.eval.FusionSweep;
import dev.spark.eval.ReportWriter;
import dev.spark.recommend.Recipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluations.", subcommands = {EvalCommand.Ds1000.class, EvalCommand.Fusion.class})
final class EvalCommand {

    @Command(name = "fusion", mixinStandardHelpOptions = true,
            description = "Score ways of fusing the embedding and BM25 rankings of documentation search on the DS-1000 "
                    + "problems with gold pages. Needs a database holding the corpus (--home).")
    static final class Fusion implements Callable<Integer> {

        @Option(names = "--home", required = true, description = "database directory holding the documentation corpus")
        Path home;

        @Option(names = "--problems", defaultValue = SharedData.PROBLEMS, description = "problems (default ${DEFAULT-VALUE})")
        Path problems;

        @Option(names = "--weights", split = ",", defaultValue = "0,0.1,0.2,0.3,0.5,0.75,1", description = "BM25 weights to try (default ${DEFAULT-VALUE})")
        List<Double> weights;

        private final ContextLauncher launcher;

        Fusion(ContextLauncher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() throws Exception {
            try (var context = launcher.privateDatabase(home, Map.of())) {
                List<FusionSweep.Result> results = context.getBean(FusionSweep.class).run(problems, weights);
                System.out.println("| fusion (embedding weight 1.0) | problems | NDCG@10 | Recall@10 | MRR@10 |");
                System.out.println("|---|---|---|---|---|");
                results.forEach(r -> System.out.printf("| %s | %d | %.3f | %.3f | %.3f |%n", r.fusion(), r.problems(), r.ndcg10(), r.recall10(), r.mrr10()));
            }
            return 0;
        }
    }

    @Command(name = "ds1000", mixinStandardHelpOptions = true,
            description = "DS-1000 retrieval quality of every recipe (cold) and the lift of shared experience on "
                    + "perturbed variants, on a fresh embedded database. Writes report.json, report.html, summary.md.")
    static final class Ds1000 implements Callable<Integer> {

        @Option(names = "--problems", defaultValue = SharedData.PROBLEMS, description = "problems file (default ${DEFAULT-VALUE})")
        Path problems;

        @Option(names = "--docs", defaultValue = SharedData.DOCS, description = "documentation to load (default ${DEFAULT-VALUE})")
        Path docs;

        @Option(names = "--out", defaultValue = "reports/ds1000", description = "report directory (default ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--home", description = "database directory (default: a new temporary one). Reusing one "
                + "keeps its documentation (re-ingestion skips unchanged records); one that holds experience is refused "
                + "unless --wipe-experience is given.")
        Path home;

        @Option(names = "--wipe-experience", description = "delete the experience (traces, tasks, lessons, "
                + "recommendations) a reused --home holds; without it such a database is refused")
        boolean wipeExperience;

        @Option(names = "--epochs", defaultValue = "1", description = "experience epochs after the cold phase (default ${DEFAULT-VALUE})")
        int epochs;

        @Option(names = "--limit", defaultValue = "0", description = "evaluate about this many problems, whole perturbation groups (0: all)")
        int limit;

        @Option(names = "--recipes", split = ",", defaultValue = "FULLTEXT,VECTOR,HYBRID,FULL", description = "recipes (default ${DEFAULT-VALUE})")
        List<Recipe> recipes;

        private final ContextLauncher launcher;

        Ds1000(ContextLauncher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() throws Exception {
            Path dir = home != null ? home : Files.createTempDirectory("spark-eval-");
            String commandLine = "spark eval ds1000 --problems " + problems + " --docs " + docs + " --epochs " + epochs
                    + (limit > 0 ? " --limit " + limit : "") + " --recipes " + String.join(",", recipes.stream().map(Enum::name).toList());
            PhaseProgress progress = new PhaseProgress();
            try (var context = launcher.privateDatabase(dir, Map.of())) {
                EvalReport report;
                try {
                    report = context.getBean(Ds1000Evaluation.class).run(
                            new Ds1000Evaluation.Options(problems, docs, out, epochs, recipes, limit, commandLine, wipeExperience),
                            new TerminalProgress("Documentation"), progress);
                } catch (ExperiencePresentException e) {
                    progress.close();
                    System.err.println(e.getMessage());
                    return 2;
                }
                progress.close();
                System.out.println(new ReportWriter().markdown(report));
                System.out.println("Report: " + out.resolve(ReportWriter.HTML).toAbsolutePath());
            }
            return 0;
        }
    }

    /** One progress bar per phase of the evaluation. */
    private static final class PhaseProgress implements Ds1000Evaluation.Progress, AutoCloseable {
        private String phase;
        private ProgressBar bar;

        @Override
        public void update(String phase, int done, int total) {
            if (!phase.equals(this.phase)) {
                close();
                this.phase = phase;
                bar = TerminalProgress.bar(phase, total, " problems");
            }
            bar.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
