package dev.spark.cli;

import dev.spark.eval.Ds1000Evaluation;
import dev.spark.eval.EvalReport;
import dev.spark.eval.ExperiencePresentException;
import dev.spark.eval.LeakDetectedException;
import dev.spark.eval.LearningCurveEvaluation;
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
            description = "DS-1000 retrieval quality of every recipe (cold), then the learning curve: simulated agents, some "
                    + "unreliable, work through a training stream epoch after epoch while unseen test problems (one per "
                    + "perturbation group, never recorded) are asked after each epoch, with curation in the loop and with raw "
                    + "experience, at several noise levels and seeds. Writes report.json/.html and summary.md (cold), and "
                    + "learning.json/.html/.md (curve). See docs/evaluation.md.")
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

        @Option(names = "--epochs", defaultValue = "4", description = "training epochs of the learning curve after the cold one; "
                + "0 runs the cold recipes only (default ${DEFAULT-VALUE})")
        int epochs;

        @Option(names = "--quick", description = "smoke test: one seed, one noise level (curated, 20%%)")
        boolean quick;

        @Option(names = "--grid", split = ",", description = "settings MODE:NOISE:SEED, e.g. curated:20:1,raw:40:1 "
                + "(default: curated 20%% seeds 1-3; curated 0%% and 40%%, raw 0%% and 40%% seed 1)")
        List<String> grid;

        @Option(names = "--failed-share", defaultValue = "0.25", description = "share of honest training attempts that fail "
                + "first with a realistic error (default ${DEFAULT-VALUE})")
        double failedShare;

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
            List<LearningCurveEvaluation.Setting> settings;
            try {
                settings = settings();
            } catch (IllegalArgumentException e) {
                System.err.println("Invalid --grid: " + e.getMessage());
                return 2;
            }
            if (failedShare < 0 || failedShare > 1) {
                System.err.println("Invalid --failed-share: must be between 0 and 1, was " + failedShare);
                return 2;
            }
            String commandLine = "spark eval ds1000 --problems " + problems + " --docs " + docs + " --epochs " + epochs
                    + (quick ? " --quick" : "") + (grid != null ? " --grid " + String.join(",", grid) : "")
                    + (limit > 0 ? " --limit " + limit : "") + " --recipes " + String.join(",", recipes.stream().map(Enum::name).toList());
            PhaseProgress progress = new PhaseProgress();
            try (var context = launcher.privateDatabase(dir, Map.of())) {
                EvalReport report;
                try {
                    report = context.getBean(Ds1000Evaluation.class).run(
                            new Ds1000Evaluation.Options(problems, docs, out, epochs, recipes, limit, commandLine, wipeExperience,
                                    settings, failedShare),
                            new TerminalProgress("Documentation"), progress);
                } catch (ExperiencePresentException e) {
                    progress.close();
                    System.err.println(e.getMessage());
                    return 2;
                }
                progress.close();
                System.out.println(new ReportWriter().markdown(report));
                System.out.println("Report: " + out.resolve(ReportWriter.HTML).toAbsolutePath());
                if (epochs > 0) {
                    System.out.println(Files.readString(out.resolve("learning.md")));
                    System.out.println("Learning curve: " + out.resolve("learning.html").toAbsolutePath());
                }
            } catch (LeakDetectedException e) {
                progress.close();
                System.err.println("Stopped: " + e.getMessage());
                return 4;
            }
            return 0;
        }

        private List<LearningCurveEvaluation.Setting> settings() {
            if (grid == null || grid.isEmpty()) {
                return quick ? LearningCurveEvaluation.quickGrid() : LearningCurveEvaluation.defaultGrid();
            }
            List<LearningCurveEvaluation.Setting> out = new java.util.ArrayList<>();
            for (String cell : grid) {
                String[] parts = cell.strip().split(":");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("'" + cell + "' is not MODE:NOISE:SEED");
                }
                try {
                    out.add(new LearningCurveEvaluation.Setting(LearningCurveEvaluation.Mode.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)),
                            Integer.parseInt(parts[1]), Long.parseLong(parts[2])));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + cell + "': noise and seed must be whole numbers");
                }
            }
            return out;
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
