package dev.spark.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link EvalReport} as three files in one directory.
 *
 * <ul>
 *   <li>{@value #JSON} — everything, machine-readable. Keys are the snake_case names of the record
 *       components and are stable within a {@code format}: {@code format}, {@code run} ({@code command_line},
 *       {@code generated_at} (ISO-8601), {@code duration_seconds}, {@code dataset}, {@code corpus_chunks},
 *       {@code corpus_pages}, {@code problems_read}, {@code problems_with_gold}), {@code metrics} (metric keys
 *       in display order, see {@link Metric}), the aggregate lists {@code by_recipe}, {@code by_library},
 *       {@code by_perturbation}, {@code lift}, {@code epoch_curve} (each entry: {@code recipe}, {@code phase},
 *       {@code group}, {@code problems}, {@code metrics}: metric key to {@code {mean, n}}) and
 *       {@code results} (per recipe: {@code recipe}, {@code description}, {@code problems}: {@code problem_id},
 *       {@code library}, {@code perturbation_type}, {@code phase}, {@code label}, {@code metrics}: metric key
 *       to value).</li>
 *   <li>{@value #HTML} — for people: charts as inline SVG and tables, with nothing loaded from elsewhere.</li>
 *   <li>{@value #MARKDOWN} — the tables in Markdown, for {@code docs/evaluation.md}.</li>
 * </ul>
 */
public final class ReportWriter {

    public static final String JSON = "report.json";
    public static final String HTML = "report.html";
    public static final String MARKDOWN = "summary.md";

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** Writes the three files into {@code directory}, creating it if needed; returns their paths. */
    public List<Path> write(EvalReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path jsonFile = directory.resolve(JSON);
        Path htmlFile = directory.resolve(HTML);
        Path markdownFile = directory.resolve(MARKDOWN);
        replace(jsonFile, json(report));
        replace(htmlFile, html(report));
        replace(markdownFile, markdown(report));
        return List.of(jsonFile, htmlFile, markdownFile);
    }

    public String json(EvalReport report) {
        return json.writeValueAsString(report) + "\n";
    }

    public String html(EvalReport report) {
        return HtmlReport.render(report);
    }

    public String markdown(EvalReport report) {
        return MarkdownReport.render(report);
    }

    /** Reads a {@value #JSON} back, e.g. to compare runs or re-render a report. */
    public EvalReport read(Path jsonFile) throws IOException {
        EvalReport report = json.readValue(jsonFile.toFile(), EvalReport.class);
        if (!EvalReport.FORMAT.equals(report.format())) {
            throw new IOException(jsonFile + ": format is '" + report.format() + "', expected '" + EvalReport.FORMAT + "'");
        }
        return report;
    }

    // A half-written report is worse than the previous one: write beside it, then move over it.
    private static void replace(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
