package dev.spark.curation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a new lesson merges into an existing one. The embedding cosine only nominates candidates: lessons giving
 * different advice about the same API embed as close as true paraphrases do, so a candidate above the cosine and
 * API-overlap thresholds still stays separate when the two texts disagree on a detail that carries the advice: the
 * same keyword argument with different values ({@code axis=0} against {@code axis=1}), different keyword arguments
 * on each side, code identifiers on each side that the other text never mentions, the same call with different
 * positional arguments, a preference reversed ("X over Y" against "Y over X"), or one word of an antonym pair on
 * each side (increase/decrease). Renamed variables ({@code df} against {@code frame}) do not count: only
 * identifiers that look like code and that the other text does not mention even in prose do.
 */
public final class MergeDecision {

    /** The outcome for one candidate pair, with the reason shown in the curation decisions. */
    public record Verdict(boolean merge, String reason) {
    }

    private static final Pattern WORD = Pattern.compile("[a-z0-9_']+");
    private static final Pattern KWARG = Pattern.compile(
            "\\b([A-Za-z_]\\w*)=('[^']*'|\"[^\"]*\"|\\[[^\\]]*]|\\([^)]*\\)|\\{[^}]*}|[^\\s,);]+)");
    private static final Pattern VALUE_WORD = Pattern.compile("[a-z0-9_%/+-]+");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*(?:\\(\\))?");
    private static final Pattern CAMEL = Pattern.compile("[a-z][A-Z]");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][\\w.]*)\\(([^()]*)\\)");
    private static final Pattern LITERAL = Pattern.compile("'.*'|\".*\"|-?[0-9.]+|True|False|None");
    private static final Pattern CLAUSE = Pattern.compile(";|:\\s|\\.\\s|\\.$");
    private static final Pattern PREFERENCE = Pattern.compile("(?i)^(.*?)\\b(?:over|rather than|instead of|in place of)\\b(.*)$");
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "but", "is", "are",
            "be", "it", "its", "this", "that", "with", "as", "by", "at", "from", "so", "when", "if", "then", "than", "not", "no", "use",
            "using", "used", "pass", "call", "set", "get", "you", "your", "one");
    /** Word pairs whose two sides, one on each side of a lesson pair, state opposite advice in lessons about code. */
    private static final List<List<String>> ANTONYMS = List.of(
            List.of("increase", "decrease"), List.of("before", "after"), List.of("row", "column"), List.of("rows", "columns"),
            List.of("ascending", "descending"), List.of("lower", "upper"), List.of("first", "last"), List.of("min", "max"),
            List.of("minimum", "maximum"), List.of("true", "false"), List.of("keep", "drop"), List.of("add", "remove"),
            List.of("enable", "disable"), List.of("include", "exclude"), List.of("includes", "excludes"), List.of("inner", "outer"),
            List.of("left", "right"), List.of("small", "large"), List.of("smaller", "larger"), List.of("more", "less"),
            List.of("faster", "slower"), List.of("higher", "lower"), List.of("start", "end"), List.of("train", "eval"),
            List.of("training", "inference"), List.of("x", "y"), List.of("sharex", "sharey"), List.of("top", "bottom"),
            List.of("positive", "negative"), List.of("horizontal", "vertical"), List.of("width", "height"), List.of("always", "never"),
            List.of("copy", "view"), List.of("eager", "graph"), List.of("sparse", "dense"), List.of("binary", "multiclass"));

    private final double similarity;
    private final double apiOverlap;
    private final boolean checkDisagreement;

    /**
     * @param similarity         cosine from which a pair is a merge candidate
     * @param apiOverlap         API-scope Jaccard overlap a candidate needs
     * @param checkDisagreement  whether a candidate whose texts disagree on a detail stays separate
     */
    public MergeDecision(double similarity, double apiOverlap, boolean checkDisagreement) {
        this.similarity = similarity;
        this.apiOverlap = apiOverlap;
        this.checkDisagreement = checkDisagreement;
    }

    public Verdict decide(String text, Collection<String> apis, String otherText, Collection<String> otherApis, double cosine) {
        double overlap = Similarity.apiOverlap(apis, otherApis);
        if (cosine < similarity || overlap < apiOverlap) {
            return new Verdict(false, String.format("similarity %.3f, API overlap %.2f below the thresholds", cosine, overlap));
        }
        if (checkDisagreement && text != null && otherText != null) {
            Optional<String> why = disagreement(text, otherText);
            if (why.isPresent()) {
                return new Verdict(false, "texts disagree: " + why.get());
            }
        }
        return new Verdict(true, String.format("similarity %.3f, API overlap %.2f", cosine, overlap));
    }

    /** The first detail on which the two lesson texts give different advice, if any. */
    public static Optional<String> disagreement(String a, String b) {
        Map<String, List<Set<String>>> ka = kwargs(a);
        Map<String, List<Set<String>>> kb = kwargs(b);
        for (String key : ka.keySet()) {
            if (kb.containsKey(key) && ka.get(key).stream().noneMatch(x -> kb.get(key).stream().anyMatch(y -> intersects(x, y)))) {
                return Optional.of("different values of " + key + "=");
            }
        }
        Set<String> wa = words(a);
        Set<String> wb = words(b);
        for (List<String> pair : ANTONYMS) {
            String x = pair.get(0);
            String y = pair.get(1);
            if (oneEach(wa, wb, x, y) || oneEach(wa, wb, y, x)) {
                return Optional.of("'" + x + "' against '" + y + "'");
            }
        }
        Set<String> onlyA = difference(ka.keySet(), kb.keySet());
        Set<String> onlyB = difference(kb.keySet(), ka.keySet());
        if (!onlyA.isEmpty() && !onlyB.isEmpty()) {
            return Optional.of("keyword arguments " + onlyA + " against " + onlyB);
        }
        Set<String> ia = identifiers(a).stream().filter(i -> i.length() > 2 && !wb.contains(i)).collect(Collectors.toCollection(HashSet::new));
        Set<String> ib = identifiers(b).stream().filter(i -> i.length() > 2 && !wa.contains(i)).collect(Collectors.toCollection(HashSet::new));
        if (!ia.isEmpty() && !ib.isEmpty()) {
            return Optional.of("code " + ia + " against " + ib);
        }
        Map<String, Set<CallShape>> ca = calls(a);
        Map<String, Set<CallShape>> cb = calls(b);
        for (String callee : ca.keySet()) {
            if (cb.containsKey(callee) && !intersects(ca.get(callee), cb.get(callee))) {
                return Optional.of("different arguments to " + callee + "()");
            }
        }
        for (Preference pa : preferences(a)) {
            for (Preference pb : preferences(b)) {
                if (intersects(pa.against(), pb.preferred()) || intersects(pa.preferred(), pb.against())) {
                    return Optional.of("preference reversed");
                }
            }
        }
        return Optional.empty();
    }

    private record CallShape(int positional, Set<String> literals) {
    }

    private record Preference(Set<String> preferred, Set<String> against) {
    }

    private static boolean oneEach(Set<String> wa, Set<String> wb, String x, String y) {
        return wa.contains(x) && !wb.contains(x) && wb.contains(y) && !wa.contains(y);
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Keyword arguments written as code ({@code key=value}), each value as its set of words; placeholders skipped. */
    private static Map<String, List<Set<String>>> kwargs(String text) {
        Map<String, List<Set<String>>> out = new HashMap<>();
        Matcher m = KWARG.matcher(text);
        while (m.find()) {
            String value = m.group(2).replaceAll("[.:;]+$", "").toLowerCase(Locale.ROOT);
            Set<String> valueWords = new HashSet<>();
            Matcher w = VALUE_WORD.matcher(value);
            while (w.find()) {
                valueWords.add(w.group());
            }
            if (!valueWords.isEmpty()) {
                out.computeIfAbsent(m.group(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(valueWords);
            }
        }
        return out;
    }

    /** Segments of tokens that look like code: dotted, snake_case, camelCase, called, or assigned to. */
    private static Set<String> identifiers(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = IDENT.matcher(text);
        while (m.find()) {
            String token = m.group();
            char next = m.end() < text.length() ? text.charAt(m.end()) : ' ';
            if (token.contains("_") || token.contains(".") || token.endsWith("()") || next == '(' || next == '='
                    || CAMEL.matcher(token).find()) {
                for (String segment : token.replace("()", "").split("\\.")) {
                    out.add(segment.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** Calls with arguments, by the callee's last name: how many positional arguments and which literal ones. */
    private static Map<String, Set<CallShape>> calls(String text) {
        Map<String, Set<CallShape>> out = new HashMap<>();
        Matcher m = CALL.matcher(text);
        while (m.find()) {
            String args = m.group(2).strip();
            if (args.isEmpty() || args.contains("...")) {
                continue;
            }
            List<String> positional = Arrays.stream(args.split(",")).map(String::strip).filter(x -> !x.contains("=")).toList();
            Set<String> literals = positional.stream().filter(x -> LITERAL.matcher(x).matches())
                    .map(x -> x.replaceAll("^['\"]|['\"]$", "").toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            String[] callee = m.group(1).split("\\.");
            out.computeIfAbsent(callee[callee.length - 1].toLowerCase(Locale.ROOT), k -> new HashSet<>())
                    .add(new CallShape(positional.size(), literals));
        }
        return out;
    }

    /** "X over Y", "X rather than Y", "X instead of Y": the words only on the preferred and only on the rejected side. */
    private static List<Preference> preferences(String text) {
        List<Preference> out = new ArrayList<>();
        for (String clause : CLAUSE.split(text)) {
            Matcher m = PREFERENCE.matcher(clause);
            if (m.find()) {
                Set<String> left = words(m.group(1));
                Set<String> right = words(m.group(2));
                left.removeAll(STOP);
                right.removeAll(STOP);
                out.add(new Preference(difference(left, right), difference(right, left)));
            }
        }
        return out;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static <T> boolean intersects(Set<T> a, Set<T> b) {
        return a.stream().anyMatch(b::contains);
    }
}
