package dev.spark.experience.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the extractor knows about libraries, read from {@value #RESOURCE} (its header documents the format):
 * customary aliases, naming conventions, members of the main data types, and what calls, members and subscripts
 * give. The knowledge is data so that adding a library's functions is an edit to a table, not to the scanner.
 * Instances are immutable.
 */
final class ApiTables {

    static final String RESOURCE = "/python/api-types.tsv";

    /** A name usable without an import; {@code onlyWith} is the library that must be in play, if any. */
    record Alias(String module, Optional<String> onlyWith) {
    }

    /** Variables whose name matches {@code name} are a {@code type} when {@code library} is in play. */
    record Convention(String library, String type, Pattern name) {
    }

    /** {@code first, rest... = path(...)}: the first target is a {@code first}, targets named like {@code restName} a {@code rest}. */
    record Unpack(String first, String rest, Pattern restName) {
    }

    /** What a call, member or subscript gives. */
    record Gives(Result result, String type) {

        static final Gives NOTHING = new Gives(Result.NOTHING, null);
    }

    enum Result {
        /** An instance of {@link Gives#type()}. */
        TYPE,
        /** An instance of the receiver's type, or of the class called. */
        SELF,
        NOTHING,
        /** A value of the receiver's library whose type is not known. */
        UNKNOWN,
        /** A namespace below the member, such as {@code pandas.Series.str}. */
        PATH
    }

    private enum Form { CALL, METHOD, ATTRIBUTE, MEMBER, COLUMN, SUBSCRIPT }

    private record Rule(Form form, List<DottedPattern> on, Names names, Gives gives) {

        boolean appliesTo(String dotted) {
            for (DottedPattern pattern : on) {
                if (pattern.matches(dotted)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<String, Alias> aliases;
    private final Map<String, String> hints;
    private final List<Convention> conventions;
    private final Map<String, String> primaryTypes;
    private final Map<String, Set<String>> members;
    private final Map<String, Unpack> unpacks;
    private final List<Rule> callRules;
    private final List<Rule> memberRules;
    private final List<Rule> columnRules;
    private final List<Rule> subscriptRules;

    private ApiTables(Parser parsed) {
        this.aliases = Map.copyOf(parsed.aliases);
        this.hints = Map.copyOf(parsed.hints);
        this.conventions = List.copyOf(parsed.conventions);
        this.primaryTypes = Map.copyOf(parsed.primaryTypes);
        Map<String, Set<String>> memberSets = new HashMap<>();
        parsed.members.forEach((type, names) -> memberSets.put(type, Set.copyOf(names)));
        this.members = Map.copyOf(memberSets);
        this.unpacks = Map.copyOf(parsed.unpacks);
        List<Rule> rules = parsed.rules();
        this.callRules = rules.stream().filter(r -> r.form() == Form.CALL).toList();
        this.memberRules = rules.stream()
                .filter(r -> r.form() == Form.METHOD || r.form() == Form.ATTRIBUTE || r.form() == Form.MEMBER).toList();
        this.columnRules = rules.stream().filter(r -> r.form() == Form.COLUMN).toList();
        this.subscriptRules = rules.stream().filter(r -> r.form() == Form.SUBSCRIPT).toList();
    }

    /** The tables shipped with Spark, read once. */
    static ApiTables standard() {
        return Standard.TABLES;
    }

    /** Reads tables in the format of {@value #RESOURCE}; {@code source} names the input in error messages. */
    static ApiTables parse(String source, List<String> lines) {
        Parser parser = new Parser(source);
        for (int i = 0; i < lines.size(); i++) {
            parser.line(i + 1, lines.get(i));
        }
        return new ApiTables(parser);
    }

    Optional<Alias> alias(String name) {
        return Optional.ofNullable(aliases.get(name));
    }

    /** The import root a library hint stands for ({@code "pytorch"} is {@code torch}); the hint itself otherwise. */
    String library(String hint) {
        return hints.getOrDefault(hint, hint);
    }

    List<Convention> conventions() {
        return conventions;
    }

    Optional<String> primaryType(String library) {
        return library == null ? Optional.empty() : Optional.ofNullable(primaryTypes.get(library));
    }

    /** The known members of {@code type}; empty for types without a member list, whose members are all reported. */
    Optional<Set<String>> members(String type) {
        return Optional.ofNullable(members.get(type));
    }

    Optional<Unpack> unpack(String path) {
        return Optional.ofNullable(unpacks.get(path));
    }

    /** What calling the module-level function or class {@code path} gives. */
    Gives onCall(String path) {
        String owner = Dotted.owner(path);
        String name = Dotted.last(path);
        for (Rule rule : callRules) {
            if (rule.appliesTo(owner) && rule.names().matches(name)) {
                return rule.gives();
            }
        }
        return Gives.NOTHING;
    }

    /** What member {@code name} of an instance of {@code type} gives, called or read. */
    Gives onMember(String type, String name, boolean called) {
        Form form = called ? Form.METHOD : Form.ATTRIBUTE;
        for (Rule rule : memberRules) {
            if ((rule.form() == form || rule.form() == Form.MEMBER) && rule.appliesTo(type)
                    && rule.names().matches(name)) {
                return rule.gives();
            }
        }
        return Gives.NOTHING;
    }

    /** What reading an attribute that is not a member of {@code type} gives (a frame's column). */
    Gives onColumn(String type) {
        return first(columnRules, type, "*");
    }

    /** What {@code x[key]} gives for an instance of {@code type}. */
    Gives onSubscript(String type, boolean singleString) {
        return first(subscriptRules, type, singleString ? "string" : "other");
    }

    private static Gives first(List<Rule> rules, String type, String name) {
        for (Rule rule : rules) {
            if (rule.appliesTo(type) && rule.names().matches(name)) {
                return rule.gives();
            }
        }
        return Gives.NOTHING;
    }

    private static final class Standard {

        static final ApiTables TABLES = load();

        private static ApiTables load() {
            try (InputStream in = ApiTables.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                return parse(RESOURCE, reader.lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
        }
    }

    /**
     * A dotted pattern: {@code *} is any one segment, {@code **} any number of segments, none included.
     */
    private record DottedPattern(String[] segments) {

        private static final Pattern SEGMENT = Pattern.compile("\\*\\*?|[A-Za-z_][A-Za-z0-9_]*");

        static DottedPattern of(String text) {
            String[] segments = text.split("\\.", -1);
            for (String segment : segments) {
                if (!SEGMENT.matcher(segment).matches()) {
                    throw new IllegalArgumentException("'" + text + "' is not a dotted pattern");
                }
            }
            return new DottedPattern(segments);
        }

        /** Whether the dotted name matches; the empty name has no segments. */
        boolean matches(String dotted) {
            return matches(0, dotted, dotted.isEmpty() ? 1 : 0);
        }

        /** {@code from} is where the next segment of {@code dotted} starts; past its end, none is left. */
        private boolean matches(int at, String dotted, int from) {
            boolean noneLeft = from > dotted.length();
            if (at == segments.length) {
                return noneLeft;
            }
            String segment = segments[at];
            if (segment.equals("**")) {
                return matches(at + 1, dotted, from) || (!noneLeft && matches(at, dotted, segmentEnd(dotted, from) + 1));
            }
            if (noneLeft) {
                return false;
            }
            int end = segmentEnd(dotted, from);
            boolean same = segment.equals("*")
                    || (end - from == segment.length() && dotted.regionMatches(from, segment, 0, segment.length()));
            return same && matches(at + 1, dotted, end + 1);
        }

        private static int segmentEnd(String dotted, int from) {
            int dot = dotted.indexOf('.', from);
            return dot < 0 ? dotted.length() : dot;
        }
    }

    /** A set of member names: words, words with a leading or trailing {@code *}, any name, or class-like names. */
    private record Names(Set<String> exact, List<String> prefixes, List<String> suffixes, boolean any,
            boolean classes) {

        boolean matches(String name) {
            if (any || exact.contains(name) || (classes && Dotted.isClassName(name))) {
                return true;
            }
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            for (String suffix : suffixes) {
                if (name.endsWith(suffix)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Reads the lines; named word lists may be used before their rows, so rules are built at the end. */
    private static final class Parser {

        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

        private record RawRule(int line, Form form, List<DottedPattern> on, String names, Gives gives) {
        }

        private final String source;
        private final Map<String, Alias> aliases = new HashMap<>();
        private final Map<String, String> hints = new HashMap<>();
        private final List<Convention> conventions = new ArrayList<>();
        private final Map<String, String> primaryTypes = new HashMap<>();
        private final Map<String, Set<String>> members = new HashMap<>();
        private final Map<String, Set<String>> words = new HashMap<>();
        private final Map<String, Unpack> unpacks = new HashMap<>();
        private final List<RawRule> rawRules = new ArrayList<>();
        private int current;

        Parser(String source) {
            this.source = source;
        }

        void line(int number, String line) {
            current = number;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                return;
            }
            String[] cells = line.split("\t", -1);
            try {
                row(cells);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(source + " line " + number + ": " + e.getMessage(), e);
            }
        }

        private void row(String[] cells) {
            String form = cells[0].strip();
            switch (form) {
                case "alias" -> {
                    columns(cells, 3, 4);
                    String library = cells.length == 4 ? name(cells[3]) : null;
                    aliases.put(name(cells[1]), new Alias(dotted(cells[2]), Optional.ofNullable(library)));
                }
                case "hint" -> {
                    columns(cells, 3, 3);
                    hints.put(cells[1].strip(), name(cells[2]));
                }
                case "convention" -> {
                    columns(cells, 4, 4);
                    conventions.add(new Convention(name(cells[1]), dotted(cells[2]), regex(cells[3])));
                }
                case "primary" -> {
                    columns(cells, 3, 3);
                    primaryTypes.put(name(cells[1]), dotted(cells[2]));
                }
                case "words" -> {
                    columns(cells, 3, 3);
                    words.computeIfAbsent(name(cells[1]), k -> new LinkedHashSet<>()).addAll(wordList(cells[2]));
                }
                case "members" -> {
                    columns(cells, 3, 3);
                    members.computeIfAbsent(dotted(cells[1]), k -> new LinkedHashSet<>()).addAll(wordList(cells[2]));
                }
                case "unpack" -> {
                    columns(cells, 5, 5);
                    unpacks.put(dotted(cells[1]), new Unpack(dotted(cells[2]), dotted(cells[3]), regex(cells[4])));
                }
                case "call", "method", "attribute", "member", "subscript" -> {
                    columns(cells, 4, 4);
                    rawRules.add(new RawRule(current, Form.valueOf(form.toUpperCase(Locale.ROOT)),
                            patterns(cells[1]), cells[2].strip(), gives(cells[3])));
                }
                case "column" -> {
                    columns(cells, 3, 3);
                    rawRules.add(new RawRule(current, Form.COLUMN, patterns(cells[1]), "*", gives(cells[2])));
                }
                default -> throw new IllegalArgumentException("unknown form '" + form + "'");
            }
        }

        List<Rule> rules() {
            List<Rule> rules = new ArrayList<>();
            for (RawRule raw : rawRules) {
                try {
                    rules.add(new Rule(raw.form(), raw.on(), names(raw.names()), raw.gives()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(source + " line " + raw.line() + ": " + e.getMessage(), e);
                }
            }
            return rules;
        }

        private Names names(String text) {
            Set<String> exact = new LinkedHashSet<>();
            List<String> prefixes = new ArrayList<>();
            List<String> suffixes = new ArrayList<>();
            boolean any = false;
            boolean classes = false;
            for (String word : wordList(text)) {
                if (word.equals("*")) {
                    any = true;
                } else if (word.equals("{Class}")) {
                    classes = true;
                } else if (word.startsWith("@")) {
                    Set<String> set = words.get(word.substring(1));
                    if (set == null) {
                        throw new IllegalArgumentException("no word list named '" + word.substring(1) + "'");
                    }
                    exact.addAll(set);
                } else if (word.endsWith("*") && NAME.matcher(word.substring(0, word.length() - 1)).matches()) {
                    prefixes.add(word.substring(0, word.length() - 1));
                } else if (word.startsWith("*") && word.substring(1).matches("[A-Za-z0-9_]+")) {
                    suffixes.add(word.substring(1));
                } else if (NAME.matcher(word).matches()) {
                    exact.add(word);
                } else {
                    throw new IllegalArgumentException("'" + word + "' is not a name, *, {Class} or @list");
                }
            }
            return new Names(Set.copyOf(exact), List.copyOf(prefixes), List.copyOf(suffixes), any, classes);
        }

        private static void columns(String[] cells, int min, int max) {
            if (cells.length < min || cells.length > max) {
                throw new IllegalArgumentException("'" + cells[0].strip() + "' takes " + (min == max ? min : min + " or " + max)
                        + " tab-separated columns, found " + cells.length);
            }
        }

        private static List<String> wordList(String text) {
            String stripped = text.strip();
            if (stripped.isEmpty()) {
                throw new IllegalArgumentException("empty word list");
            }
            return List.of(stripped.split("\\s+"));
        }

        private static List<DottedPattern> patterns(String text) {
            return wordList(text).stream().map(DottedPattern::of).toList();
        }

        private static Gives gives(String text) {
            String value = text.strip();
            return switch (value) {
                case "self" -> new Gives(Result.SELF, null);
                case "nothing" -> Gives.NOTHING;
                case "unknown" -> new Gives(Result.UNKNOWN, null);
                case "path" -> new Gives(Result.PATH, null);
                default -> new Gives(Result.TYPE, dotted(value));
            };
        }

        private static String name(String text) {
            String value = text.strip();
            if (!NAME.matcher(value).matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a Python name");
            }
            return value;
        }

        private static String dotted(String text) {
            String value = text.strip();
            if (!DOTTED.matcher(value).matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a dotted Python name");
            }
            return value;
        }

        private static Pattern regex(String text) {
            try {
                return Pattern.compile(text.strip());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + text.strip() + "' is not a regular expression", e);
            }
        }
    }
}
