package dev.spark.recommend.synthesis;

import dev.spark.experience.TaskInput;
import dev.spark.recommend.RecommendationItem;
import java.util.List;

/** Writes the short recommendation text that cites the items as [1], [2], ... */
public interface RecommendationSynthesizer {

    String write(TaskInput task, List<RecommendationItem> items);
}
