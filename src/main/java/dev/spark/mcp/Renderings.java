package dev.spark.mcp;

import dev.spark.curation.LessonSummary;
import dev.spark.curation.LessonView;
import dev.spark.experience.TraceReceipt;
import dev.spark.knowledge.DocHit;
import dev.spark.mcp.SparkTools.LibraryMatch;
import dev.spark.recommend.Recommendation;
import dev.spark.recommend.RecommendationItem;
import java.util.List;
import java.util.Locale;

/** Short text renderings of the tools' answers, for clients that show a model only the text. */
final class Renderings {

    private Renderings() {
    }

    /** The advice and its items: all of it from Spark's memory, so all of it goes into the quoted block. */
    static String recommendation(Recommendation answer, int excerpt) {
        StringBuilder text = new StringBuilder("Advice:\n").append(answer.text().strip()).append("\n");
        List<RecommendationItem> items = answer.items();
        for (int i = 0; i < items.size(); i++) {
            RecommendationItem item = items.get(i);
            text.append("\n[").append(i + 1).append("] ").append(item.kind());
            if (item.title() != null && !item.title().isBlank()) {
                text.append(": ").append(item.title().strip());
            }
            text.append("\n    source: ").append(item.source());
            if (item.library() != null) {
                text.append(" | library: ").append(item.library());
            }
            if (!item.apis().isEmpty()) {
                text.append(" | apis: ").append(String.join(", ", item.apis()));
            }
            text.append(String.format(Locale.ROOT, " | score %.4f", item.score()));
            if (!item.verified()) {
                text.append(" | unverified");
            }
            text.append("\n").append(indent(QuotedData.excerpt(item.text(), excerpt))).append("\n");
        }
        return text.toString();
    }

    static String recommendationFooter(Recommendation answer) {
        return "Recommendation " + answer.id() + " (" + answer.items().size() + " item(s), recipe " + answer.recipe() + "). "
                + "After trying your code, pass " + answer.id() + " as followed.recommendationId to record_trace, or as "
                + "recommendationId to rate_recommendation. Full item texts are in the structured result.";
    }

    static String receipt(TraceReceipt receipt) {
        return "Recorded " + receipt.traceId() + " (task " + receipt.taskId() + "). APIs used: "
                + (receipt.apis().isEmpty() ? "none found" : String.join(", ", receipt.apis())) + ". "
                + (receipt.failurePattern() == null ? "" : "Failure pattern: " + receipt.failurePattern() + ". ")
                + "Secrets redacted: " + receipt.redactions() + ". Lessons in the trace are served after curation.";
    }

    static String hits(List<DocHit> hits, int excerpt) {
        if (hits.isEmpty()) {
            return "No documentation found.";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < hits.size(); i++) {
            DocHit hit = hits.get(i);
            text.append("[").append(i + 1).append("] ").append(hit.api() != null ? hit.api() : hit.title())
                    .append(" (").append(hit.library());
            if (hit.version() != null) {
                text.append(" ").append(hit.version());
            }
            text.append(")");
            if (hit.source() != null) {
                text.append(" ").append(hit.source());
            }
            text.append("\n").append(indent(QuotedData.excerpt(hit.text(), excerpt))).append("\n\n");
        }
        return text.toString();
    }

    static String lesson(LessonView lesson) {
        StringBuilder text = new StringBuilder("Lesson ").append(lesson.id()).append(":\n")
                .append(indent(lesson.text())).append("\n");
        if (!lesson.provenance().isEmpty()) {
            text.append("\nLearned from:\n");
            lesson.provenance().forEach(p -> text.append("- ").append(p.traceId()).append(" by ").append(p.agent())
                    .append(" (").append(p.outcome()).append(", ").append(p.role()).append("): ")
                    .append(QuotedData.excerpt(p.taskText(), 200)).append("\n"));
        }
        if (!lesson.duplicates().isEmpty()) {
            text.append("\nMerged duplicates:\n");
            for (LessonSummary duplicate : lesson.duplicates()) {
                text.append("- ").append(duplicate.id()).append(": ").append(QuotedData.excerpt(duplicate.text(), 200)).append("\n");
            }
        }
        return text.toString();
    }

    static String lessonFooter(LessonView lesson) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Lesson %s: %s, kind %s, trust %.2f, support %d trace(s) from %d agent(s), %d helpful and %d unhelpful rating(s)",
                lesson.id(), lesson.status(), lesson.kind(), lesson.trust(), lesson.support(), lesson.agents(), lesson.helpful(),
                lesson.unhelpful()));
        if (lesson.contested()) {
            text.append(", contested by another lesson");
        }
        if (lesson.mergedInto() != null) {
            text.append(", merged into ").append(lesson.mergedInto());
        }
        text.append(". ").append(lesson.decisions().size()).append(" curation decision(s) are in the structured result.");
        return text.toString();
    }

    static String libraries(List<LibraryMatch> matches) {
        StringBuilder text = new StringBuilder();
        for (LibraryMatch match : matches) {
            text.append(match.name()).append(" is ").append(match.module()).append(", library ").append(match.library());
            if (match.documented()) {
                text.append(": documented in Spark").append(match.version() == null ? "" : ", version " + match.version())
                        .append(" (").append(match.docCount()).append(" chunks, ").append(match.apiCount()).append(" APIs)");
            } else {
                text.append(": Spark holds no documentation of it");
            }
            text.append(".\n");
        }
        return text.toString().strip();
    }

    private static String indent(String text) {
        return "    " + text.strip().replace("\n", "\n    ");
    }
}
