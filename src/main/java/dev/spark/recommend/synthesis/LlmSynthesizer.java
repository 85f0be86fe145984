package dev.spark.recommend.synthesis;

import dev.spark.experience.TaskInput;
import dev.spark.recommend.RecommendationItem;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Synthesis by an LLM; when the model fails or says nothing, the template answers instead. */
final class LlmSynthesizer implements RecommendationSynthesizer {

    private static final Logger log = LoggerFactory.getLogger(LlmSynthesizer.class);
    private static final int SNIPPET = 600;

    private final RecommendationWriter writer;
    private final RecommendationSynthesizer fallback;

    LlmSynthesizer(RecommendationWriter writer, RecommendationSynthesizer fallback) {
        this.writer = writer;
        this.fallback = fallback;
    }

    @Override
    public String write(TaskInput task, List<RecommendationItem> items) {
        if (items.isEmpty()) {
            return fallback.write(task, items);
        }
        StringBuilder evidence = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            RecommendationItem item = items.get(i);
            String text = Snippets.cut(item.text(), SNIPPET);
            evidence.append('[').append(i + 1).append("] ").append(item.kind()).append(": ").append(item.title())
                    .append(" (").append(item.source()).append(")\n").append(text).append("\n\n");
        }
        try {
            String text = writer.write(task.text(), evidence.toString());
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
            log.warn("The LLM returned no recommendation text; using the template");
        } catch (RuntimeException e) {
            log.warn("LLM synthesis failed ({}); using the template", e.getMessage());
        }
        return fallback.write(task, items);
    }
}
