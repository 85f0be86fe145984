package dev.spark.recommend.synthesis;

import dev.spark.experience.TaskInput;
import dev.spark.recommend.ItemKind;
import dev.spark.recommend.RecommendationItem;
import java.util.ArrayList;
import java.util.List;

/** Deterministic synthesis when no LLM is configured: the strongest evidence of each kind, cited. */
public final class TemplateSynthesizer implements RecommendationSynthesizer {

    @Override
    public String write(TaskInput task, List<RecommendationItem> items) {
        if (items.isEmpty()) {
            return "Spark has no documentation or experience for this task yet.";
        }
        List<String> parts = new ArrayList<>();
        int example = indexOf(items, ItemKind.EXAMPLE);
        if (example >= 0) {
            RecommendationItem item = items.get(example);
            parts.add("Start from the approach that worked on a similar task [" + (example + 1) + "]"
                    + (item.apis().isEmpty() ? "." : ", which used " + String.join(", ", item.apis().stream().limit(4).toList()) + "."));
        }
        int lesson = indexOf(items, ItemKind.LESSON);
        if (lesson >= 0) {
            parts.add("Lesson from other agents [" + (lesson + 1) + "]: " + Snippets.firstLine(items.get(lesson).text(), 300));
        }
        int pitfall = indexOf(items, ItemKind.PITFALL);
        if (pitfall >= 0) {
            parts.add("Avoid a known pitfall [" + (pitfall + 1) + "]: " + items.get(pitfall).title() + ".");
        }
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < items.size() && docs.size() < 3; i++) {
            RecommendationItem item = items.get(i);
            if (item.kind() == ItemKind.DOCUMENTATION) {
                docs.add((item.apis().isEmpty() ? item.title() : item.apis().get(0)) + " [" + (i + 1) + "]");
            }
        }
        if (!docs.isEmpty()) {
            parts.add("Relevant documentation: " + String.join(", ", docs) + ".");
        }
        return String.join(" ", parts);
    }

    private static int indexOf(List<RecommendationItem> items, ItemKind kind) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }
}
