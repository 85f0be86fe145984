package dev.spark.curation.internal;

/**
 * A lesson rewritten by the language model as general advice.
 *
 * @param text the advice, one to three sentences, naming the APIs it is about
 */
public record LessonDraft(String text) {
}
