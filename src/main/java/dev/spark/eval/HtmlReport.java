package dev.spark.eval;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The self-contained HTML report: one file with its styles inline and its charts as inline SVG, so it can
 * be mailed, archived or opened offline and look the same.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;\
            max-width:1040px;margin:2em auto;padding:0 1em;line-height:1.45}
            h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            h3{font-size:1em;margin:1.2em 0 .3em}
            table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.88em}
            th,td{padding:.25em .6em;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top}
            th{background:#f4f4f4}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            .n{color:#999;font-size:.8em;margin-left:.35em}.up{color:#1a7f37}.down{color:#b42318}
            dl.run{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dl.run dt{color:#666}dl.run dd{margin:0}
            code{background:#f4f4f4;padding:.1em .3em;border-radius:3px;word-break:break-all}
            figure{margin:.5em 0 1em}figcaption{color:#666;font-size:.85em}
            p.note{color:#666;font-size:.88em}details{margin:1em 0}summary{cursor:pointer;font-weight:600}
            """;

    private HtmlReport() {
    }

    static String render(EvalReport report) {
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Spark DS-1000 evaluation</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>Spark DS-1000 evaluation</h1>\n");
        run(html, report);
        overall(html, report);
        byLibrary(html, report);
        byPerturbation(html, report);
        lift(html, report);
        epochCurve(html, report);
        problems(html, report);
        html.append("<p class=\"note\">Format ").append(Text.html(report.format()))
                .append(". Means are over the problems where a metric is defined (small grey numbers); page metrics ")
                .append("need gold pages. Differences under about 0.06 NDCG@10 are within noise on the dev split.</p>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private static void run(StringBuilder html, EvalReport report) {
        RunInfo run = report.run();
        html.append("<dl class=\"run\">\n");
        item(html, "Command", "<code>" + Text.html(run.commandLine()) + "</code>");
        item(html, "Date", Text.html(run.generatedAt() == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE_TIME
                .format(run.generatedAt().atOffset(ZoneOffset.UTC).withNano(0)) + " UTC"));
        item(html, "Duration", Text.html(duration(run.durationSeconds())));
        item(html, "Dataset", Text.html(run.dataset()));
        item(html, "Corpus", Text.html(String.format(Locale.ROOT, "%,d chunks on %,d pages", run.corpusChunks(), run.corpusPages())));
        item(html, "Problems", Text.html(String.format(Locale.ROOT, "%,d read, %,d with gold pages", run.problemsRead(), run.problemsWithGold())));
        for (RecipeResults recipe : report.results()) {
            item(html, "Recipe " + Text.html(recipe.recipe()), Text.html(recipe.description() == null ? "" : recipe.description()));
        }
        html.append("</dl>\n");
    }

    private static void overall(StringBuilder html, EvalReport report) {
        html.append("<h2>Overall</h2>\n");
        List<String> metrics = ReportViews.chartedMetrics(report);
        List<String> groups = new ArrayList<>();
        report.byRecipe().forEach(a -> groups.add(ReportViews.label(report, a.recipe(), a.phase())));
        List<SvgChart.Series> series = new ArrayList<>();
        for (String metric : metrics) {
            series.add(new SvgChart.Series(Metric.labelOf(metric),
                    report.byRecipe().stream().mapToDouble(a -> a.mean(metric)).toArray()));
        }
        figure(html, SvgChart.bars("Mean metrics per recipe", groups, series, "mean", false),
                "Mean of each metric per recipe and phase.");
        table(html, report, report.byRecipe(), null, false);
    }

    private static void byLibrary(StringBuilder html, EvalReport report) {
        html.append("<h2>By library</h2>\n");
        List<String> libraries = ReportViews.groups(report.byLibrary(), Comparator.naturalOrder());
        Map<String, String> headline = ReportViews.headlinePhases(report);
        for (String metric : List.of(Metric.NDCG_AT_10.key(), Metric.API_RECALL_AT_10.key())) {
            if (!report.metrics().contains(metric)) {
                continue;
            }
            List<SvgChart.Series> series = new ArrayList<>();
            headline.forEach((recipe, phase) -> series.add(new SvgChart.Series(ReportViews.label(report, recipe, phase),
                    libraries.stream().mapToDouble(library -> {
                        Aggregate a = ReportViews.find(report.byLibrary(), recipe, phase, library);
                        return a == null ? Double.NaN : a.mean(metric);
                    }).toArray())));
            figure(html, SvgChart.bars(Metric.labelOf(metric) + " per library", libraries, series, Metric.labelOf(metric), false),
                    Metric.labelOf(metric) + " per library, each recipe at its last phase (n/a: no problem of the library has the labels the metric needs).");
        }
        table(html, report, report.byLibrary(), "Library", false);
    }

    private static void byPerturbation(StringBuilder html, EvalReport report) {
        html.append("<h2>By perturbation type</h2>\n");
        table(html, report, report.byPerturbation(), "Perturbation", false);
    }

    private static void lift(StringBuilder html, EvalReport report) {
        html.append("<h2>Lift over cold</h2>\n<p class=\"note\">Phase minus <code>cold</code>, on exactly the ")
                .append("problems scored in both.</p>\n");
        List<String> groups = ReportViews.groups(report.lift(), Aggregator.PERTURBATION_ORDER);
        List<Aggregate> columns = report.lift().stream().filter(a -> a.group().equals(Aggregate.ALL)).toList();
        for (String metric : List.of(Metric.NDCG_AT_10.key(), Metric.API_RECALL_AT_10.key())) {
            if (!report.metrics().contains(metric)) {
                continue;
            }
            List<SvgChart.Series> series = new ArrayList<>();
            for (Aggregate column : columns) {
                series.add(new SvgChart.Series(column.recipe() + " · " + column.phase(), groups.stream().mapToDouble(group -> {
                    Aggregate a = ReportViews.find(report.lift(), column.recipe(), column.phase(), group);
                    return a == null ? Double.NaN : a.mean(metric);
                }).toArray()));
            }
            figure(html, SvgChart.bars("Lift in " + Metric.labelOf(metric) + " per perturbation type", groups, series,
                    "Δ " + Metric.labelOf(metric), true), "Lift in " + Metric.labelOf(metric) + " per perturbation type.");
        }
        table(html, report, report.lift(), "Perturbation", true);
    }

    private static void epochCurve(StringBuilder html, EvalReport report) {
        html.append("<h2>Epoch curve</h2>\n<p class=\"note\">Means per phase over the problems every phase of ")
                .append("the recipe scored.</p>\n");
        List<String> phases = ReportViews.phases(report.epochCurve());
        List<String> recipes = ReportViews.recipes(report.epochCurve());
        List<SvgChart.Series> series = new ArrayList<>();
        for (String recipe : recipes) {
            for (String metric : ReportViews.chartedMetrics(report)) {
                String name = recipes.size() > 1 ? recipe + " · " + Metric.labelOf(metric) : Metric.labelOf(metric);
                series.add(new SvgChart.Series(name, phases.stream().mapToDouble(phase -> {
                    Aggregate a = ReportViews.find(report.epochCurve(), recipe, phase, EvalReport.COMMON);
                    return a == null ? Double.NaN : a.mean(metric);
                }).toArray()));
            }
        }
        figure(html, SvgChart.lines("Mean metrics per epoch", phases, series, "mean"),
                "Mean metrics per phase, for recipes that learn.");
        table(html, report, report.epochCurve(), null, false);
    }

    private static void problems(StringBuilder html, EvalReport report) {
        html.append("<h2>Per problem</h2>\n");
        for (RecipeResults recipe : report.results()) {
            html.append("<details><summary>").append(Text.html(recipe.recipe())).append(" (")
                    .append(recipe.problems().size()).append(" results)</summary>\n<table>\n<tr><th class=\"num\">Problem</th>")
                    .append("<th>Library</th><th>Perturbation</th><th>Label</th><th>Phase</th>");
            report.metrics().forEach(m -> html.append("<th class=\"num\">").append(Text.html(Metric.labelOf(m))).append("</th>"));
            html.append("</tr>\n");
            recipe.problems().stream()
                    .sorted(Comparator.comparingInt(ProblemResult::problemId)
                            .thenComparing(ProblemResult::phase, Aggregator.PHASE_ORDER))
                    .forEach(p -> {
                        html.append("<tr><td class=\"num\">").append(p.problemId()).append("</td><td>")
                                .append(Text.html(p.library())).append("</td><td>").append(Text.html(p.perturbationType()))
                                .append("</td><td>").append(Text.html(p.label())).append("</td><td>")
                                .append(Text.html(p.phase())).append("</td>");
                        report.metrics().forEach(m -> {
                            Double value = p.metrics().get(m);
                            html.append("<td class=\"num\">").append(Text.metric(value == null ? Double.NaN : value)).append("</td>");
                        });
                        html.append("</tr>\n");
                    });
            html.append("</table>\n</details>\n");
        }
    }

    private static void table(StringBuilder html, EvalReport report, List<Aggregate> rows, String groupHeader, boolean signed) {
        if (rows.isEmpty()) {
            html.append("<p class=\"note\">No figures.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>Recipe</th><th>Phase</th>");
        if (groupHeader != null) {
            html.append("<th>").append(Text.html(groupHeader)).append("</th>");
        }
        html.append("<th class=\"num\">Problems</th>");
        report.metrics().forEach(m -> html.append("<th class=\"num\">").append(Text.html(Metric.labelOf(m))).append("</th>"));
        html.append("</tr>\n");
        for (Aggregate a : rows) {
            html.append("<tr><td>").append(Text.html(a.recipe())).append("</td><td>").append(Text.html(a.phase())).append("</td>");
            if (groupHeader != null) {
                html.append("<td>").append(Text.html(a.group())).append("</td>");
            }
            html.append("<td class=\"num\">").append(a.problems()).append("</td>");
            for (String metric : report.metrics()) {
                Mean mean = a.metrics().get(metric);
                html.append("<td class=\"num\">");
                if (mean == null) {
                    html.append("–");
                } else if (signed) {
                    String css = mean.mean() > 1e-12 ? "up" : mean.mean() < -1e-12 ? "down" : "";
                    html.append("<span class=\"").append(css).append("\">").append(Text.signed(mean.mean())).append("</span>");
                } else {
                    html.append(Text.metric(mean.mean()));
                }
                if (mean != null) {
                    html.append("<span class=\"n\">").append(mean.n()).append("</span>");
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void figure(StringBuilder html, String svg, String caption) {
        html.append("<figure>\n").append(svg).append("\n<figcaption>").append(Text.html(caption))
                .append("</figcaption>\n</figure>\n");
    }

    private static void item(StringBuilder html, String term, String definitionHtml) {
        html.append("<dt>").append(term).append("</dt><dd>").append(definitionHtml).append("</dd>\n");
    }

    static String duration(double seconds) {
        long total = Math.round(seconds);
        if (total < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return total >= 3600
                ? String.format(Locale.ROOT, "%d h %02d min %02d s", total / 3600, total % 3600 / 60, total % 60)
                : String.format(Locale.ROOT, "%d min %02d s", total / 60, total % 60);
    }
}
