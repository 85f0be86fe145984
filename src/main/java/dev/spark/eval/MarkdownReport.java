package dev.spark.eval;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The Markdown summary: the report's tables, ready to paste into {@code docs/evaluation.md}. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(EvalReport report) {
        RunInfo run = report.run();
        StringBuilder md = new StringBuilder(8192);
        md.append("# DS-1000 evaluation\n\n");
        md.append("- Command: `").append(run.commandLine() == null ? "" : run.commandLine().replace("`", "'")).append("`\n");
        if (run.generatedAt() != null) {
            md.append("- Date: ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME
                    .format(run.generatedAt().atOffset(ZoneOffset.UTC).withNano(0))).append(" UTC\n");
        }
        md.append("- Duration: ").append(HtmlReport.duration(run.durationSeconds())).append('\n');
        md.append("- Dataset: ").append(Text.markdownCell(run.dataset())).append('\n');
        md.append(String.format(Locale.ROOT, "- Corpus: %,d chunks on %,d pages%n", run.corpusChunks(), run.corpusPages()));
        md.append(String.format(Locale.ROOT, "- Problems: %,d read, %,d with gold pages%n", run.problemsRead(), run.problemsWithGold()));
        for (RecipeResults recipe : report.results()) {
            md.append("- Recipe `").append(recipe.recipe().replace("`", "'")).append('`');
            if (recipe.description() != null && !recipe.description().isBlank()) {
                md.append(": ").append(Text.markdownCell(recipe.description()));
            }
            md.append('\n');
        }
        md.append("\nMeans over the problems where each metric is defined (page metrics need gold pages); ")
                .append("the counts are in `report.json`.\n");
        section(md, report, "Overall", report.byRecipe(), null, false);
        section(md, report, "By library", report.byLibrary(), "Library", false);
        section(md, report, "By perturbation type", report.byPerturbation(), "Perturbation", false);
        section(md, report, "Lift over cold (same problems)", report.lift(), "Perturbation", true);
        section(md, report, "Epoch curve (problems scored in every phase)", report.epochCurve(), null, false);
        return md.toString();
    }

    private static void section(StringBuilder md, EvalReport report, String title, List<Aggregate> rows,
                                String groupHeader, boolean signed) {
        md.append("\n## ").append(title).append("\n\n");
        if (rows.isEmpty()) {
            md.append("No figures.\n");
            return;
        }
        md.append("| Recipe | Phase |");
        if (groupHeader != null) {
            md.append(' ').append(groupHeader).append(" |");
        }
        md.append(" Problems |");
        report.metrics().forEach(m -> md.append(' ').append(Text.markdownCell(Metric.labelOf(m))).append(" |"));
        md.append("\n|---|---|");
        if (groupHeader != null) {
            md.append("---|");
        }
        md.append("---:|");
        report.metrics().forEach(m -> md.append("---:|"));
        md.append('\n');
        for (Aggregate a : rows) {
            md.append("| ").append(Text.markdownCell(a.recipe())).append(" | ").append(Text.markdownCell(a.phase())).append(" |");
            if (groupHeader != null) {
                md.append(' ').append(Text.markdownCell(a.group())).append(" |");
            }
            md.append(' ').append(a.problems()).append(" |");
            for (String metric : report.metrics()) {
                double mean = a.mean(metric);
                md.append(' ').append(signed ? Text.signed(mean) : Text.metric(mean)).append(" |");
            }
            md.append('\n');
        }
    }
}
