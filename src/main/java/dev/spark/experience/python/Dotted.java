package dev.spark.experience.python;

import java.util.Locale;

/** Helpers for dotted Python names. */
final class Dotted {

    private Dotted() {
    }

    static String root(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? dotted : dotted.substring(0, dot);
    }

    static String last(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    /** What is before the last segment: {@code "a.b"} for {@code "a.b.c"}, empty for a single name. */
    static String owner(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? "" : dotted.substring(0, dot);
    }

    /** Capitalised and not all capitals, as Python spells classes ({@code DataFrame}, not {@code NAN}). */
    static boolean isClassName(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0))
                && !name.equals(name.toUpperCase(Locale.ROOT));
    }
}
