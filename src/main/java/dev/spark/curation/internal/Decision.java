package dev.spark.curation.internal;

import dev.spark.curation.LessonAction;

/** One decision about one lesson, recorded as a DECIDED edge from the run. */
public record Decision(String lessonId, LessonAction action, String reason) {
}
