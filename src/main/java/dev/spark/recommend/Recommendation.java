package dev.spark.recommend;

import java.util.List;
import java.util.Map;

/**
 * A stored recommendation: its id (to rate it later), the written advice, the cited items best first, and
 * how long each pipeline stage took (microseconds).
 */
public record Recommendation(String id, String taskId, String text, Recipe recipe, List<RecommendationItem> items,
                             Map<String, Long> stageMicros) {
}
