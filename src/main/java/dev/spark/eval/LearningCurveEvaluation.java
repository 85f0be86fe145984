package dev.spark.eval;

import dev.spark.curation.CurationReport;
import dev.spark.curation.CurationService;
import dev.spark.curation.LessonAdmin;
import dev.spark.experience.EmbeddingBackfill;
import dev.spark.experience.ExperienceAdmin;
import dev.spark.experience.Outcome;
import dev.spark.experience.TaskInput;
import dev.spark.experience.TraceInput;
import dev.spark.experience.TraceRecorder;
import dev.spark.graph.WriteBehind;
import dev.spark.knowledge.ApiCatalog;
import dev.spark.recommend.ItemKind;
import dev.spark.recommend.Recipe;
import dev.spark.recommend.RecommendQuery;
import dev.spark.recommend.Recommendation;
import dev.spark.recommend.RecommendationAdmin;
import dev.spark.recommend.RecommendationItem;
import dev.spark.recommend.RetrievalAgent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The learning curve: how recommendations for unseen test problems change as simulated agents, some of them
 * unreliable, work through a training stream epoch after epoch, with the learning loop in the cycle ({@code curated})
 * or without it ({@code raw} experience). See {@link LearningProtocol} for the split and docs/evaluation.md for the
 * protocol.
 *
 * <p>Per setting (mode, noise, seed) the experience is wiped; the test problems are asked cold (epoch 0); then in each
 * epoch every training problem of the rounds so far is worked on: the agent asks for a recommendation, rates it with
 * a judge that sees the gold labels, sometimes fails first with a realistic error, and records its trace (following
 * the recommendation). Unreliable agents (the noise share) record another group's code as a success, a wrong lesson
 * or a poisoned one, and rate everything 5. Then curation runs (curated mode), and every test problem is asked, after
 * the leak guard checked that neither its prompt nor its reference code is stored as experience.
 */
@Service
public class LearningCurveEvaluation {

    static final String TESTER = "ds1000-tester";
    private static final int HONEST_AGENTS = 8;
    private static final int UNRELIABLE_AGENTS = 3;
    private static final Pattern METHOD_CALL = Pattern.compile("\\.([a-z_][a-z0-9_]{2,})\\(");

    /** One cell of the grid. */
    public record Setting(Mode mode, int noisePercent, long seed) {
        public Setting {
            if (noisePercent < 0 || noisePercent > 100) {
                throw new IllegalArgumentException("noise must be 0-100 percent, was " + noisePercent);
            }
        }

        public String name() {
            return mode.name().toLowerCase(java.util.Locale.ROOT) + " " + noisePercent + "% seed " + seed;
        }
    }

    /** With the learning loop in the cycle, or raw traces only. */
    public enum Mode {
        CURATED, RAW
    }

    /**
     * @param epochs      training epochs after the cold one
     * @param grid        the settings to run
     * @param failedShare share of honest training attempts that fail first, with a realistic error
     */
    public record Options(int epochs, List<Setting> grid, double failedShare) {
        public Options {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, was " + epochs);
            }
            if (grid.isEmpty()) {
                throw new IllegalArgumentException("the grid holds no setting");
            }
            grid = List.copyOf(grid);
        }
    }

    /** Three seeds at 20% noise; one seed at 0% and 40%, curated, and raw experience at 0% and 40%. */
    public static List<Setting> defaultGrid() {
        return List.of(new Setting(Mode.CURATED, 20, 1), new Setting(Mode.CURATED, 20, 2), new Setting(Mode.CURATED, 20, 3),
                new Setting(Mode.CURATED, 0, 1), new Setting(Mode.CURATED, 40, 1),
                new Setting(Mode.RAW, 0, 1), new Setting(Mode.RAW, 40, 1));
    }

    /** One seed, one noise level, curated: a smoke test. */
    public static List<Setting> quickGrid() {
        return List.of(new Setting(Mode.CURATED, 20, 1));
    }

    /** What one setting's epoch produced: per group, the test problem's result, and what was served. */
    record EpochRun(int epoch, Map<String, ProblemResult> byGroup, int trainingTraces, int poisonedItems, int wrongLessonItems,
                    int lessonItems, int sharedSolutions, CurationReport curation) {
    }

    record SettingRun(Setting setting, LearningProtocol.Split split, List<EpochRun> epochs, long leakChecks) {
    }

    private final RetrievalAgent agent;
    private final TraceRecorder recorder;
    private final EmbeddingBackfill backfill;
    private final WriteBehind writeBehind;
    private final CurationService curation;
    private final ExperienceAdmin experience;
    private final RecommendationAdmin recommendations;
    private final LessonAdmin lessons;
    private final ApiCatalog apis;
    private final NoiseLessons noise = NoiseLessons.load();

    public LearningCurveEvaluation(RetrievalAgent agent, TraceRecorder recorder, EmbeddingBackfill backfill, WriteBehind writeBehind,
                                   CurationService curation, ExperienceAdmin experience, RecommendationAdmin recommendations,
                                   LessonAdmin lessons, ApiCatalog apis) {
        this.agent = agent;
        this.recorder = recorder;
        this.backfill = backfill;
        this.writeBehind = writeBehind;
        this.curation = curation;
        this.experience = experience;
        this.recommendations = recommendations;
        this.lessons = lessons;
        this.apis = apis;
    }

    public LearningReport run(List<Ds1000Problem> problems, Options options, String commandLine, Ds1000Evaluation.Progress progress) {
        long started = System.nanoTime();
        List<SettingRun> runs = new ArrayList<>();
        for (Setting setting : options.grid()) {
            runs.add(runSetting(problems, setting, options, progress));
        }
        forgetExperience();
        return LearningReport.of(commandLine, options, runs, (System.nanoTime() - started) / 1e9);
    }

    SettingRun runSetting(List<Ds1000Problem> problems, Setting setting, Options options, Ds1000Evaluation.Progress progress) {
        forgetExperience();
        LearningProtocol.Split split = LearningProtocol.split(problems, setting.seed());
        Map<Integer, String> groupOf = new HashMap<>();
        split.groups().forEach(g -> {
            g.training().forEach(p -> groupOf.put(p.problemId(), g.key()));
            if (g.test() != null) {
                groupOf.put(g.test().problemId(), g.key());
            }
        });
        long[] leakChecks = {0};
        List<EpochRun> epochs = new ArrayList<>();
        epochs.add(test(split, groupOf, 0, 0, null, setting, leakChecks, progress));
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            List<Ds1000Problem> training = split.trainingUpTo(epoch);
            int traces = 0;
            for (int i = 0; i < training.size(); i++) {
                traces += train(training.get(i), split, groupOf, epoch, setting, options.failedShare());
                progress.update(setting.name() + " epoch " + epoch + " training", i + 1, training.size());
            }
            backfill.drain();
            writeBehind.flush();
            CurationReport report = setting.mode() == Mode.CURATED ? curation.curate("eval") : null;
            epochs.add(test(split, groupOf, epoch, traces, report, setting, leakChecks, progress));
        }
        return new SettingRun(setting, split, epochs, leakChecks[0]);
    }

    /** One training problem worked on by one (possibly unreliable) agent; returns the traces it recorded. */
    private int train(Ds1000Problem p, LearningProtocol.Split split, Map<Integer, String> groupOf, int epoch, Setting setting,
                      double failedShare) {
        SplittableRandom random = draws(setting.seed(), epoch, p.problemId());
        boolean unreliable = random.nextDouble() * 100 < setting.noisePercent();
        String agentId = unreliable ? "unreliable-" + (1 + random.nextInt(UNRELIABLE_AGENTS)) : "agent-" + (1 + random.nextInt(HONEST_AGENTS));
        TaskInput task = new TaskInput(p.prompt(), null, List.of());
        Recommendation rec = agent.recommend(new RecommendQuery(task, agentId, Ds1000Evaluation.K, Recipe.FULL));
        int rating = unreliable ? 5 : GoldJudge.rating(p, rec.items());
        int traces = 0;
        String attempt = p.referenceCode();
        List<String> written = List.of();
        if (unreliable) {
            switch (random.nextInt(3)) {
                case 0 -> attempt = otherGroupsCode(p, split, groupOf, random);
                case 1 -> written = List.of(pick(noise.wrong(), p.corpusLibrary(), random).text());
                default -> written = List.of(pick(noise.poisoned(), p.corpusLibrary(), random).text());
            }
        } else if (random.nextDouble() < failedShare) {
            FailedAttempt failed = FailedAttempt.of(p.referenceCode());
            if (failed != null) {
                recorder.record(new TraceInput(agentId, null, task, failed.code(), Outcome.FAILURE, failed.error(), null, List.of(), null, null));
                traces++;
            }
        }
        recorder.record(new TraceInput(agentId, null, task, attempt, Outcome.SUCCESS, null, null, written,
                new TraceInput.Followed(rec.id(), rating), null));
        return traces + 1;
    }

    private EpochRun test(LearningProtocol.Split split, Map<Integer, String> groupOf, int epoch, int traces, CurationReport report,
                          Setting setting, long[] leakChecks, Ds1000Evaluation.Progress progress) {
        Map<String, ProblemResult> byGroup = new LinkedHashMap<>();
        int poisoned = 0;
        int wrong = 0;
        int lessonItems = 0;
        int sharedCode = 0;
        List<Ds1000Problem> tests = split.tests();
        for (int i = 0; i < tests.size(); i++) {
            Ds1000Problem t = tests.get(i);
            sharedCode += guard(t) ? 1 : 0;
            leakChecks[0]++;
            Recommendation rec = agent.recommend(new RecommendQuery(new TaskInput(t.prompt(), null, List.of()), TESTER, Ds1000Evaluation.K,
                    Recipe.FULL));
            byGroup.put(groupOf.get(t.problemId()), Ds1000Evaluation.score(t, rec.items(), "epoch" + epoch));
            for (RecommendationItem item : rec.items()) {
                String served = item.title() + "\n" + item.text();
                poisoned += noise.isPoisoned(served) ? 1 : 0;
                wrong += noise.isWrong(served) ? 1 : 0;
                lessonItems += item.kind() == ItemKind.LESSON ? 1 : 0;
            }
            progress.update(setting.name() + " epoch " + epoch + " test", i + 1, tests.size());
        }
        return new EpochRun(epoch, byGroup, traces, poisoned, wrong, lessonItems, sharedCode, report);
    }

    /**
     * Stops the evaluation when the test problem's task is stored as experience (a trace attempted it, or a lesson
     * quotes it). Returns whether its reference code is stored through another problem with the same solution (a
     * Surface perturbation often keeps its Origin's code): that is counted, not a leak.
     */
    boolean guard(Ds1000Problem test) {
        ExperienceAdmin.Recorded recorded = experience.recorded(test.prompt(), test.referenceCode());
        if (recorded.task()) {
            throw new LeakDetectedException("test problem " + test.problemId() + " leaked into the memory before it was asked: "
                    + (recorded.taskAttempted() ? "a trace attempted its task" : "a lesson quotes its task"));
        }
        return recorded.codeRecorded();
    }

    /** Starts from documentation only. */
    public void forgetExperience() {
        recommendations.forgetAll();
        lessons.forgetAll();
        experience.forgetAll();
        apis.pruneUnreferenced();
    }

    /**
     * The draws of one training step. {@code java.util.Random} seeded with neighbouring numbers gives nearly the same
     * first draws, which made the unreliable share far from the configured noise; SplittableRandom mixes its seed.
     */
    static SplittableRandom draws(long seed, int epoch, int problemId) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL + problemId);
    }

    private static String otherGroupsCode(Ds1000Problem p, LearningProtocol.Split split, Map<Integer, String> groupOf,
                                          SplittableRandom random) {
        List<Ds1000Problem> others = split.allTraining().stream()
                .filter(o -> !Objects.equals(groupOf.get(o.problemId()), groupOf.get(p.problemId()))).toList();
        return others.isEmpty() ? p.referenceCode() : others.get(random.nextInt(others.size())).referenceCode();
    }

    private static NoiseLessons.Lesson pick(List<NoiseLessons.Lesson> lessons, String library, SplittableRandom random) {
        List<NoiseLessons.Lesson> same = lessons.stream().filter(l -> l.library().equals(library)).toList();
        List<NoiseLessons.Lesson> from = same.isEmpty() ? lessons : same;
        return from.get(random.nextInt(from.size()));
    }

    /** The judge of a simulated agent: it sees the gold pages and APIs, and rates by the share the advice covers. */
    static final class GoldJudge {
        private GoldJudge() {
        }

        static int rating(Ds1000Problem p, List<RecommendationItem> items) {
            ProblemResult scored = Ds1000Evaluation.score(p, items, "judge");
            List<Double> shares = new ArrayList<>();
            java.util.Optional.ofNullable(scored.metrics().get(Metric.RECALL_AT_10.key())).ifPresent(shares::add);
            java.util.Optional.ofNullable(scored.metrics().get(Metric.API_RECALL_ALL_ITEMS_AT_10.key())).ifPresent(shares::add);
            double coverage = shares.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            return 1 + (int) Math.round(4 * coverage);
        }
    }

    /**
     * A realistic failed attempt: the reference code with one method name misspelt the way agents misremember
     * them, and the AttributeError Python raises for it.
     */
    record FailedAttempt(String code, String error) {
        static FailedAttempt of(String reference) {
            Matcher m = METHOD_CALL.matcher(reference);
            if (!m.find()) {
                return null;
            }
            String name = m.group(1);
            String wrong = name.endsWith("s") ? name.substring(0, name.length() - 1) : name + "s";
            String code = reference.substring(0, m.start(1)) + wrong + reference.substring(m.end(1));
            String error = "Traceback (most recent call last):\n  File \"solution.py\", line 1, in <module>\n"
                    + "AttributeError: 'object' has no attribute '" + wrong + "'";
            return new FailedAttempt(code, error);
        }
    }
}
