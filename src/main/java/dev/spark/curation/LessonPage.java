package dev.spark.curation;

import java.util.List;

/** A page of lessons; pass {@code endCursor} as {@code after} for the next one. */
public record LessonPage(List<LessonSummary> items, String endCursor, boolean hasNextPage) {
}
