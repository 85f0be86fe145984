package dev.spark.curation;

import java.util.List;

/** One line of a lesson listing. */
public record LessonSummary(String id, String text, String kind, String status, double trust, long support, long agents,
                            List<String> apis, String cluster) {
}
