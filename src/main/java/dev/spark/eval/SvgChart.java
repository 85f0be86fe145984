package dev.spark.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the HTML report, drawn here so the report needs no script, stylesheet or font
 * from anywhere.
 */
final class SvgChart {

    /** One coloured series: a value per group (bar chart) or per x position (line chart); NaN is no value. */
    record Series(String name, double[] values) {
    }

    // Okabe–Ito: distinguishable with the common colour-vision deficiencies.
    private static final String[] COLOURS = {
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#7f7f7f", "#F0E442", "#000000"
    };
    private static final String FONT = "font-family=\"system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif\"";
    private static final int WIDTH = 960;
    private static final int LEFT = 60;
    private static final int RIGHT = 16;
    private static final double CHAR_WIDTH = 6.6;

    private SvgChart() {
    }

    static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    /**
     * Grouped bars: one cluster per group, one bar per series. Negative values hang below a zero line, so the
     * same chart serves for lifts.
     */
    static String bars(String description, List<String> groups, List<Series> series, String yLabel, boolean signed) {
        if (groups.isEmpty() || series.isEmpty() || allMissing(series)) {
            return empty(description);
        }
        Svg svg = new Svg();
        int legendHeight = legend(svg, series, true);
        int top = 14 + legendHeight;
        boolean rotate = labelsTooWide(groups, (WIDTH - LEFT - RIGHT) / (double) groups.size());
        int bottom = rotate ? 20 + (int) Math.min(150, longest(groups) * CHAR_WIDTH * 0.6) : 34;
        int height = top + 240 + bottom;
        Scale y = Scale.of(series, top, height - bottom);
        axis(svg, y, yLabel, signed);
        double groupWidth = (WIDTH - LEFT - RIGHT) / (double) groups.size();
        double barWidth = groupWidth * 0.8 / series.size();
        for (int g = 0; g < groups.size(); g++) {
            double groupLeft = LEFT + g * groupWidth + groupWidth * 0.1;
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values()[g];
                double x = groupLeft + s * barWidth;
                if (Double.isNaN(value)) {
                    if (barWidth >= 16) {
                        svg.text(x + barWidth / 2, y.at(0) - 4, "n/a", 9, "middle", "#999");
                    }
                    continue;
                }
                double y0 = y.at(Math.max(0, value));
                double y1 = y.at(Math.min(0, value));
                svg.add(String.format(Locale.ROOT,
                        "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s</title></rect>",
                        Text.num(x + 1), Text.num(y0), Text.num(Math.max(1, barWidth - 2)), Text.num(Math.max(0.5, y1 - y0)),
                        colour(s), Text.html(series.get(s).name() + " · " + groups.get(g) + ": " + format(value, signed))));
                if (barWidth >= 26) {
                    double labelY = value >= 0 ? y0 - 3 : y1 + 10;
                    svg.text(x + barWidth / 2, labelY, format(value, signed), 9, "middle", "#333");
                }
            }
            double labelX = LEFT + g * groupWidth + groupWidth / 2;
            double labelY = height - bottom + 16;
            if (rotate) {
                svg.add(String.format(Locale.ROOT,
                        "<text x=\"%s\" y=\"%s\" font-size=\"11\" text-anchor=\"end\" transform=\"rotate(-30 %s %s)\" fill=\"#222\">%s</text>",
                        Text.num(labelX), Text.num(labelY), Text.num(labelX), Text.num(labelY), Text.html(groups.get(g))));
            } else {
                svg.text(labelX, labelY, groups.get(g), 11, "middle", "#222");
            }
        }
        return svg.render(description, height);
    }

    /** Lines over ordered x positions (phases), one per series, with a dot and a tooltip at each value. */
    static String lines(String description, List<String> xLabels, List<Series> series, String yLabel) {
        if (xLabels.isEmpty() || series.isEmpty() || allMissing(series)) {
            return empty(description);
        }
        Svg svg = new Svg();
        int top = 14 + legend(svg, series, false);
        int bottom = 34;
        int height = top + 240 + bottom;
        Scale y = Scale.of(series, top, height - bottom);
        axis(svg, y, yLabel, false);
        double step = (WIDTH - LEFT - RIGHT) / (double) xLabels.size();
        for (int i = 0; i < xLabels.size(); i++) {
            svg.text(LEFT + step * (i + 0.5), height - bottom + 16, xLabels.get(i), 11, "middle", "#222");
        }
        for (int s = 0; s < series.size(); s++) {
            double[] values = series.get(s).values();
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    continue;
                }
                path.append(path.length() == 0 ? "M" : " L").append(Text.num(LEFT + step * (i + 0.5)))
                        .append(',').append(Text.num(y.at(values[i])));
            }
            svg.add("<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour(s) + "\" stroke-width=\"2\""
                    + (s / COLOURS.length % 2 == 1 ? " stroke-dasharray=\"6 3\"" : "") + "/>");
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    svg.add(String.format(Locale.ROOT,
                            "<circle cx=\"%s\" cy=\"%s\" r=\"3.5\" fill=\"%s\"><title>%s</title></circle>",
                            Text.num(LEFT + step * (i + 0.5)), Text.num(y.at(values[i])), colour(s),
                            Text.html(series.get(s).name() + " · " + xLabels.get(i) + ": " + Text.metric(values[i]))));
                }
            }
        }
        return svg.render(description, height);
    }

    /** A placeholder that still is a chart element, so the page layout does not depend on the data. */
    static String empty(String description) {
        Svg svg = new Svg();
        svg.text(WIDTH / 2.0, 44, "no data for this chart", 13, "middle", "#888");
        return svg.render(description, 70);
    }

    private static String format(double value, boolean signed) {
        return signed ? Text.signed(value) : Text.metric(value);
    }

    /** Lays the legend out in rows above the plot; returns its height. */
    private static int legend(Svg svg, List<Series> series, boolean square) {
        double x = LEFT;
        int row = 0;
        for (int s = 0; s < series.size(); s++) {
            String name = series.get(s).name();
            double width = 18 + name.length() * 7.2 + 20;
            if (x + width > WIDTH - RIGHT && x > LEFT) {
                x = LEFT;
                row++;
            }
            double y = 12 + row * 18;
            if (square) {
                svg.add(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                        Text.num(x), Text.num(y - 10), colour(s)));
            } else {
                svg.add(String.format(Locale.ROOT,
                        "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                        Text.num(x), Text.num(y - 4), Text.num(x + 14), Text.num(y - 4), colour(s),
                        s / COLOURS.length % 2 == 1 ? " stroke-dasharray=\"6 3\"" : ""));
            }
            svg.text(x + 18, y, name, 12, "start", "#222");
            x += width;
        }
        return 12 + (row + 1) * 18;
    }

    private static void axis(Svg svg, Scale y, String label, boolean signed) {
        for (double tick : y.ticks()) {
            double at = y.at(tick);
            boolean zero = Math.abs(tick) < 1e-12;
            svg.add(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"%s\" stroke-width=\"1\"/>",
                    LEFT, Text.num(at), WIDTH - RIGHT, Text.num(at), zero ? "#444" : "#e3e3e3"));
            String text = signed && tick > 1e-12 ? "+" + y.format(tick) : y.format(zero ? 0 : tick);
            svg.text(LEFT - 6, at + 4, text, 10, "end", "#555");
        }
        double middle = (y.top() + y.bottom()) / 2;
        svg.add(String.format(Locale.ROOT,
                "<text x=\"14\" y=\"%s\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 14 %s)\" fill=\"#444\">%s</text>",
                Text.num(middle), Text.num(middle), Text.html(label)));
    }

    private static boolean allMissing(List<Series> series) {
        return series.stream().allMatch(s -> Arrays.stream(s.values()).allMatch(Double::isNaN));
    }

    private static boolean labelsTooWide(List<String> labels, double room) {
        return longest(labels) * CHAR_WIDTH > room - 6;
    }

    private static int longest(List<String> labels) {
        return labels.stream().mapToInt(String::length).max().orElse(0);
    }

    /** Maps values to pixel rows over a range rounded out to tidy tick steps, always including zero. */
    private record Scale(double low, double high, double step, double top, double bottom) {

        static Scale of(List<Series> series, double top, double bottom) {
            double low = 0;
            double high = 0;
            for (Series s : series) {
                for (double v : s.values()) {
                    if (!Double.isNaN(v)) {
                        low = Math.min(low, v);
                        high = Math.max(high, v);
                    }
                }
            }
            if (high - low < 1e-9) {
                high = low + 1;
            }
            double step = tidy((high - low) / 5);
            low = Math.floor(low / step + 1e-9) * step;
            high = Math.ceil(high / step - 1e-9) * step;
            return new Scale(low, high, step, top, bottom);
        }

        private static double tidy(double rough) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
            double fraction = rough / magnitude;
            double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
            return nice * magnitude;
        }

        double at(double value) {
            return bottom - (value - low) / (high - low) * (bottom - top);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (long i = Math.round(low / step); i <= Math.round(high / step); i++) {
                ticks.add(i * step);
            }
            return ticks;
        }

        String format(double tick) {
            int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) + 1e-9));
            double scaled = step * Math.pow(10, decimals);
            if (Math.abs(scaled - Math.round(scaled)) > 1e-6) {
                decimals++;
            }
            return String.format(Locale.ROOT, "%." + decimals + "f", tick);
        }
    }

    /** Accumulates elements and wraps them in a scalable root element. */
    private static final class Svg {

        private final StringBuilder body = new StringBuilder();

        void add(String element) {
            body.append(element).append('\n');
        }

        void text(double x, double y, String text, int size, String anchor, String fill) {
            add(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" font-size=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>",
                    Text.num(x), Text.num(y), size, anchor, fill, Text.html(text)));
        }

        String render(String description, int height) {
            return "<svg viewBox=\"0 0 " + WIDTH + " " + height
                    + "\" width=\"100%\" role=\"img\" aria-label=\"" + Text.html(description) + "\" " + FONT + ">\n"
                    + "<title>" + Text.html(description) + "</title>\n" + body + "</svg>";
        }
    }
}
