package dev.spark.curation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A readable cluster label: the lesson's main API and a few key terms of its text, e.g. "DataFrame.iloc: rows, position". */
public final class ClusterLabel {

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z_]{3,}");
    private static final Set<String> STOP = Set.of("this", "that", "with", "from", "into", "when", "then", "than", "they",
            "them", "their", "there", "what", "which", "while", "would", "should", "could", "does", "done", "have", "been",
            "were", "will", "your", "just", "also", "only", "over", "each", "some", "more", "most", "other", "instead", "because",
            "using", "used", "uses", "call", "calls", "code", "worked", "works", "work", "raised", "raise", "raises", "without",
            "adding", "example", "python", "result", "task", "given", "need", "make", "sure", "always", "never", "before", "after");

    private ClusterLabel() {
    }

    public static String of(String text, List<String> apis) {
        String api = apis.isEmpty() ? null : shortName(apis.get(0));
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (!STOP.contains(w) && (api == null || !api.toLowerCase(Locale.ROOT).contains(w))) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<String> terms = new ArrayList<>(counts.keySet());
        // most frequent first; ties keep the order of first appearance
        terms.sort((a, b) -> Integer.compare(counts.get(b), counts.get(a)));
        String key = String.join(", ", terms.subList(0, Math.min(3, terms.size())));
        if (api == null) {
            return key.isEmpty() ? "general" : key;
        }
        return key.isEmpty() ? api : api + ": " + key;
    }

    /** {@code pandas.DataFrame.iloc} becomes {@code DataFrame.iloc}: the library is implied by the API. */
    static String shortName(String api) {
        int last = api.lastIndexOf('.');
        if (last < 0) {
            return api;
        }
        int before = api.lastIndexOf('.', last - 1);
        return api.substring(before + 1);
    }
}
