package dev.spark.eval;

import dev.spark.curation.CurationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learning curve's report: per series (mode and noise, over its seeds) and epoch, the test problems' metrics and
 * their lift over the same problems cold, as means with 95% intervals from resampling whole perturbation groups;
 * what reached the test recommendations (poisoned and wrong lessons); the noise-robustness summary and the leak guard.
 * Written as {@code learning.json} (format {@value #FORMAT}), {@code learning.html} and {@code learning.md}.
 */
public record LearningReport(Map<String, Object> json, String markdown, String html) {

    public static final String FORMAT = "spark-learning-curve/1";
    static final List<String> METRICS = List.of(Metric.NDCG_AT_10.key(), Metric.RECALL_AT_10.key(), Metric.MRR_AT_10.key(),
            Metric.API_RECALL_AT_10.key(), Metric.API_RECALL_ALL_ITEMS_AT_10.key(), Metric.LIBRARY_OF_TOP_CORRECT.key());
    static final String NDCG = Metric.NDCG_AT_10.key();

    /** One series: a mode and noise level over its seeds. */
    record Series(String name, String mode, int noise, List<Long> seeds, List<Point> points) {
    }

    record Point(int epoch, int testProblems, Map<String, Bootstrap.Estimate> metrics, Map<String, Bootstrap.Estimate> lift,
                 int trainingTraces, int poisonedItems, int wrongLessonItems, int lessonItems, int sharedSolutions,
                 Map<String, Integer> curation) {
    }

    static LearningReport of(String commandLine, LearningCurveEvaluation.Options options, List<LearningCurveEvaluation.SettingRun> runs,
                             double seconds) {
        Map<String, List<LearningCurveEvaluation.SettingRun>> bySeries = new LinkedHashMap<>();
        runs.forEach(r -> bySeries.computeIfAbsent(r.setting().mode().name().toLowerCase(Locale.ROOT) + " " + r.setting().noisePercent() + "%",
                k -> new ArrayList<>()).add(r));
        List<Series> series = new ArrayList<>();
        bySeries.forEach((name, members) -> series.add(series(name, members)));
        long leakChecks = runs.stream().mapToLong(LearningCurveEvaluation.SettingRun::leakChecks).sum();
        int poisoned = series.stream().flatMap(s -> s.points().stream()).mapToInt(Point::poisonedItems).sum();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("command", commandLine);
        run.put("finishedAt", Instant.now().toString());
        run.put("durationSeconds", Math.round(seconds));
        run.put("epochs", options.epochs());
        run.put("failedShare", options.failedShare());
        run.put("grid", options.grid().stream().map(LearningCurveEvaluation.Setting::name).toList());
        run.put("resamples", Bootstrap.RESAMPLES);
        json.put("run", run);
        json.put("splits", runs.stream().map(r -> r.setting().seed()).distinct().map(seed -> {
            LearningProtocol.Split split = runs.stream().filter(r -> r.setting().seed() == seed).findFirst().orElseThrow().split();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("seed", seed);
            s.put("groups", split.groups().size());
            s.put("testProblems", split.tests().size());
            s.put("roundSizes", split.rounds().stream().map(List::size).toList());
            return s;
        }).toList());
        json.put("leakGuard", Map.of("checks", leakChecks, "leaks", 0, "note",
                "before every test query the harness checked that no trace attempted the test task and no lesson quotes it; a "
                        + "leak stops the run. Test problems whose reference code was recorded through another problem with the same "
                        + "solution are counted per epoch (testProblemsWhoseSolutionAnotherProblemRecorded)"));
        json.put("poisonedItemsServed", poisoned);
        json.put("series", series.stream().map(LearningReport::seriesJson).toList());
        json.put("noiseRobustness", robustness(series));
        String md = markdown(commandLine, options, series, leakChecks, poisoned, seconds, json);
        return new LearningReport(json, md, html(series, md));
    }

    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(dir.resolve("learning.json"), mapper.writeValueAsString(json), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("learning.md"), markdown, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("learning.html"), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Series series(String name, List<LearningCurveEvaluation.SettingRun> members) {
        LearningCurveEvaluation.Setting first = members.get(0).setting();
        int epochs = members.get(0).epochs().size();
        List<Point> points = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            int epoch = e;
            Map<String, Bootstrap.Estimate> metrics = new LinkedHashMap<>();
            Map<String, Bootstrap.Estimate> lift = new LinkedHashMap<>();
            for (String metric : METRICS) {
                metrics.put(metric, Bootstrap.of(groupMeans(members, m -> value(m, epoch, metric)), 17 + epoch));
                lift.put(metric, Bootstrap.of(groupMeans(members, m -> {
                    Map<String, Double> now = value(m, epoch, metric);
                    Map<String, Double> cold = value(m, 0, metric);
                    Map<String, Double> diff = new LinkedHashMap<>();
                    now.forEach((g, v) -> {
                        if (cold.containsKey(g)) {
                            diff.put(g, v - cold.get(g));
                        }
                    });
                    return diff;
                }), 31 + epoch));
            }
            Map<String, Integer> curation = new LinkedHashMap<>();
            for (LearningCurveEvaluation.SettingRun m : members) {
                CurationReport r = m.epochs().get(epoch).curation();
                if (r != null) {
                    curation.merge("created", r.created(), Integer::sum);
                    curation.merge("merged", r.merged(), Integer::sum);
                    curation.merge("quarantined", r.quarantined(), Integer::sum);
                    curation.merge("promoted", r.promoted(), Integer::sum);
                    curation.merge("retired", r.retired(), Integer::sum);
                    curation.merge("contradicted", r.contradicted(), Integer::sum);
                }
            }
            points.add(new Point(epoch, members.stream().mapToInt(m -> m.epochs().get(epoch).byGroup().size()).sum(), metrics, lift,
                    members.stream().mapToInt(m -> m.epochs().get(epoch).trainingTraces()).sum(),
                    members.stream().mapToInt(m -> m.epochs().get(epoch).poisonedItems()).sum(),
                    members.stream().mapToInt(m -> m.epochs().get(epoch).wrongLessonItems()).sum(),
                    members.stream().mapToInt(m -> m.epochs().get(epoch).lessonItems()).sum(),
                    members.stream().mapToInt(m -> m.epochs().get(epoch).sharedSolutions()).sum(), curation));
        }
        return new Series(name, first.mode().name().toLowerCase(Locale.ROOT), first.noisePercent(),
                members.stream().map(m -> m.setting().seed()).toList(), points);
    }

    /** Per group: the metric for the group's test problem, averaged over the seeds where it is defined. */
    private static List<Double> groupMeans(List<LearningCurveEvaluation.SettingRun> members,
                                           java.util.function.Function<LearningCurveEvaluation.SettingRun, Map<String, Double>> values) {
        Map<String, List<Double>> byGroup = new LinkedHashMap<>();
        for (LearningCurveEvaluation.SettingRun m : members) {
            values.apply(m).forEach((g, v) -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(v));
        }
        return byGroup.values().stream().map(l -> l.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toList();
    }

    private static Map<String, Double> value(LearningCurveEvaluation.SettingRun m, int epoch, String metric) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.epochs().get(epoch).byGroup().forEach((g, r) -> {
            Double v = r.metrics().get(metric);
            if (v != null) {
                out.put(g, v);
            }
        });
        return out;
    }

    private static Map<String, Object> seriesJson(Series s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", s.name());
        out.put("mode", s.mode());
        out.put("noisePercent", s.noise());
        out.put("seeds", s.seeds());
        out.put("epochs", s.points().stream().map(p -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", p.epoch());
            e.put("testProblems", p.testProblems());
            e.put("metrics", estimates(p.metrics()));
            e.put("liftOverCold", estimates(p.lift()));
            e.put("trainingTraces", p.trainingTraces());
            e.put("poisonedItemsServed", p.poisonedItems());
            e.put("wrongLessonItemsServed", p.wrongLessonItems());
            e.put("lessonItemsServed", p.lessonItems());
            e.put("testProblemsWhoseSolutionAnotherProblemRecorded", p.sharedSolutions());
            e.put("curation", p.curation());
            return e;
        }).toList());
        out.put("nonDecreasingWithinIntervals", nonDecreasing(s));
        return out;
    }

    private static Map<String, Object> estimates(Map<String, Bootstrap.Estimate> estimates) {
        Map<String, Object> out = new LinkedHashMap<>();
        estimates.forEach((k, e) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("mean", finite(e.mean()));
            v.put("low95", finite(e.low()));
            v.put("high95", finite(e.high()));
            v.put("groups", e.n());
            out.put(k, v);
        });
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : null;
    }

    /** NDCG@10 never drops below the previous epoch by more than the width of that epoch's lower interval. */
    static boolean nonDecreasing(Series s) {
        for (int i = 1; i < s.points().size(); i++) {
            Bootstrap.Estimate before = s.points().get(i - 1).metrics().get(NDCG);
            Bootstrap.Estimate now = s.points().get(i).metrics().get(NDCG);
            if (now.high() < before.mean()) {
                return false;
            }
        }
        return true;
    }

    private static double finalLift(Series s) {
        return s.points().get(s.points().size() - 1).lift().get(NDCG).mean();
    }

    private static Map<String, Object> robustness(List<Series> series) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String mode : List.of("curated", "raw")) {
            Map<String, Object> m = new LinkedHashMap<>();
            series.stream().filter(s -> s.mode().equals(mode))
                    .forEach(s -> m.put(s.noise() + "%", finite(finalLift(s))));
            out.put(mode + "FinalNdcgLiftByNoise", m);
        }
        Series c0 = find(series, "curated", 0);
        Series c40 = find(series, "curated", 40);
        Series r40 = find(series, "raw", 40);
        if (c0 != null && c40 != null && finalLift(c0) > 0) {
            out.put("curatedKeepsShareOfNoiseFreeLiftAt40", finite(finalLift(c40) / finalLift(c0)));
        }
        if (c40 != null && r40 != null) {
            out.put("curatedBeatsRawAt40", finalLift(c40) > finalLift(r40));
        }
        return out;
    }

    private static Series find(List<Series> series, String mode, int noise) {
        return series.stream().filter(s -> s.mode().equals(mode) && s.noise() == noise).findFirst().orElse(null);
    }

    private static String markdown(String commandLine, LearningCurveEvaluation.Options options, List<Series> series, long leakChecks,
                                   int poisoned, double seconds, Map<String, Object> json) {
        StringBuilder md = new StringBuilder();
        md.append("## Learning curve\n\n");
        md.append("- Command: `").append(commandLine).append("`\n");
        md.append("- Finished: ").append(Instant.now()).append(String.format(Locale.ROOT, " (%.1f min)%n", seconds / 60));
        md.append("- Grid: ").append(options.grid().stream().map(LearningCurveEvaluation.Setting::name).collect(Collectors.joining(", ")))
                .append("; ").append(options.epochs()).append(" epochs; failed first attempts: ")
                .append(Math.round(options.failedShare() * 100)).append("% of honest ones\n");
        md.append("- Splits: ").append(json.get("splits")).append('\n');
        md.append("- Leak guard: ").append(leakChecks).append(" checks before test queries, no leak\n");
        md.append("- Poisoned items in any test recommendation: **").append(poisoned).append("**\n\n");
        md.append("Means over the test problems (one per perturbation group, averaged over the seeds), with 95% intervals from ")
                .append("resampling whole groups; lift is against the same problems cold (epoch 0).\n\n");
        for (Series s : series) {
            md.append("### ").append(s.name()).append(" (seeds ").append(s.seeds()).append(")\n\n");
            md.append("| epoch | tests | NDCG@10 [95%] | lift NDCG@10 [95%] | Recall@10 | MRR@10 | API R@10 docs | API R@10 all items | library of top | poisoned served | wrong lessons served | lesson items | same solution recorded | curation |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Point p : s.points()) {
                md.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | %s | %s | %s | %d | %d | %d | %d | %s |%n", p.epoch(), p.testProblems(),
                        interval(p.metrics().get(NDCG)), interval(p.lift().get(NDCG)), mean(p.metrics().get(Metric.RECALL_AT_10.key())),
                        mean(p.metrics().get(Metric.MRR_AT_10.key())), mean(p.metrics().get(Metric.API_RECALL_AT_10.key())),
                        mean(p.metrics().get(Metric.API_RECALL_ALL_ITEMS_AT_10.key())),
                        mean(p.metrics().get(Metric.LIBRARY_OF_TOP_CORRECT.key())), p.poisonedItems(), p.wrongLessonItems(),
                        p.lessonItems(), p.sharedSolutions(), p.curation().isEmpty() ? "-" : p.curation().toString().replace("=", " ").replace("{", "").replace("}", "")));
            }
            md.append("\nNDCG@10 non-decreasing from epoch to epoch within the intervals: ").append(nonDecreasing(s) ? "yes" : "**no**")
                    .append("\n\n");
        }
        md.append("Noise robustness (final-epoch NDCG@10 lift over cold): ").append(json.get("noiseRobustness")).append("\n");
        return md.toString();
    }

    private static String interval(Bootstrap.Estimate e) {
        return Double.isFinite(e.mean()) ? String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", e.mean(), e.low(), e.high()) : "-";
    }

    private static String mean(Bootstrap.Estimate e) {
        return Double.isFinite(e.mean()) ? String.format(Locale.ROOT, "%.3f", e.mean()) : "-";
    }

    /** A self-contained page: the NDCG@10 curve per series with its interval band, then the tables. */
    private static String html(List<Series> series, String md) {
        int width = 900;
        int height = 360;
        int left = 60;
        int right = 180;
        int top = 20;
        int bottom = 40;
        int epochs = series.stream().mapToInt(s -> s.points().size()).max().orElse(1);
        double max = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p.metrics().get(NDCG).high())
                .filter(Double::isFinite).max().orElse(1);
        double min = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p.metrics().get(NDCG).low())
                .filter(Double::isFinite).min().orElse(0);
        double lo = Math.max(0, Math.floor(min * 10) / 10);
        double hi = Math.min(1, Math.ceil(max * 10) / 10);
        if (hi <= lo) {
            hi = lo + 0.1;
        }
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        double yMin = lo;
        double ySpan = hi - lo;
        java.util.function.IntToDoubleFunction x = e -> left + (epochs == 1 ? plotW / 2 : plotW * e / (epochs - 1));
        java.util.function.DoubleUnaryOperator y = v -> top + plotH * (1 - (v - yMin) / ySpan);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-label=\"NDCG@10 of the test problems per epoch\" font-family=\"system-ui,sans-serif\" font-size=\"12\">", width, height));
        for (int t = 0; t <= 5; t++) {
            double v = lo + ySpan * t / 5;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>", left, left + plotW, y.applyAsDouble(v), y.applyAsDouble(v),
                    left - 6, y.applyAsDouble(v) + 4, v));
        }
        for (int e = 0; e < epochs; e++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">epoch %d</text>", x.applyAsDouble(e),
                    height - 12, e));
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = SvgChart.colour(i);
            StringBuilder band = new StringBuilder();
            StringBuilder back = new StringBuilder();
            StringBuilder line = new StringBuilder();
            for (Point p : s.points()) {
                Bootstrap.Estimate est = p.metrics().get(NDCG);
                if (!Double.isFinite(est.mean())) {
                    continue;
                }
                band.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(p.epoch()), y.applyAsDouble(est.high())));
                back.insert(0, String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(p.epoch()), y.applyAsDouble(est.low())));
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(p.epoch()), y.applyAsDouble(est.mean())));
            }
            svg.append("<polygon points=\"").append(band).append(back).append("\" fill=\"").append(colour).append("\" fill-opacity=\"0.15\"/>");
            svg.append("<polyline points=\"").append(line).append("\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\"/>");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%.1f\" y=\"%d\">%s</text>",
                    left + plotW + 16, top + 18 * i, colour, left + plotW + 34, top + 18 * i + 10, escape(s.name())));
        }
        svg.append("</svg>");
        String robustness = noiseChart(series);
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Spark learning curve</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}"
                + "pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style></head><body>"
                + "<h1>Learning curve: test-problem NDCG@10 per epoch</h1><p>Lines are means, bands 95% intervals from resampling "
                + "perturbation groups. Epoch 0 is cold (documentation only).</p>" + svg
                + "<h2>Noise robustness: final-epoch NDCG@10 lift over cold, by share of unreliable agents</h2>" + robustness
                + "<h2>Tables</h2><pre>" + escape(md) + "</pre></body></html>";
    }

    /** Grouped bars: one group per noise level, one bar for curated and one for raw experience. */
    static String noiseChart(List<Series> series) {
        List<Integer> noises = series.stream().map(Series::noise).distinct().sorted().toList();
        List<SvgChart.Series> bars = new ArrayList<>();
        for (String mode : List.of("curated", "raw")) {
            double[] values = new double[noises.size()];
            for (int i = 0; i < noises.size(); i++) {
                Series s = find(series, mode, noises.get(i));
                values[i] = s == null ? Double.NaN : finalLift(s);
            }
            bars.add(new SvgChart.Series(mode, values));
        }
        return SvgChart.bars("Final-epoch NDCG@10 lift over cold per noise level, curated and raw experience",
                noises.stream().map(n -> n + "% unreliable").toList(), bars, "NDCG@10 lift", true);
    }

    private static String escape(String s) {
        return Objects.requireNonNull(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
