package dev.spark.eval;

import java.util.Locale;

/** Escaping and number formats shared by the HTML, SVG and Markdown writers. */
final class Text {

    private Text() {
    }

    /** Escapes text for HTML and SVG element content and quoted attribute values. */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Makes text safe inside a Markdown table cell: no pipes or line breaks, no stray HTML. */
    static String markdownCell(String text) {
        if (text == null) {
            return "";
        }
        return html(text).replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    static String metric(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String signed(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%+.3f", value);
    }

    /** Coordinates: short, and always with a dot whatever the default locale. */
    static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
