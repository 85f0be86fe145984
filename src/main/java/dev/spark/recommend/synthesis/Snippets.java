package dev.spark.recommend.synthesis;

/** Short excerpts of item texts for titles and prompts. */
public final class Snippets {

    private Snippets() {
    }

    /** {@code text} cut to {@code max} characters, marked with an ellipsis when it was cut. */
    public static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    /** The first line of {@code text}, cut to {@code max} characters. */
    public static String firstLine(String text, int max) {
        return cut(text.strip().split("\\R", 2)[0], max);
    }
}
