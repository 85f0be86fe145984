package dev.spark.experience;

import dev.spark.experience.PythonTokens.Kind;
import dev.spark.experience.PythonTokens.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds the qualified names of the library APIs that a piece of Python code calls or refers to, such as
 * {@code pandas.read_csv}, {@code numpy.linalg.norm} or {@code pandas.DataFrame.groupby}.
 *
 * <p>This is a heuristic reading of tokens, not a Python parser: agents send fragments, notebooks cells and
 * code that does not compile, and a partial answer beats none. The rules, in order:
 * <ul>
 * <li>String literals and comments are ignored, and so is anything whose origin cannot be traced to an import, a
 *     well-known alias or a typed variable: builtins and local functions never appear in the result. Variables
 *     of unknown type are never guessed from the method called on them.</li>
 * <li>Imports bind names ({@code import numpy as np}, {@code from scipy import stats}). Without an import, the
 *     customary aliases still resolve: {@code pd, np, plt, tf, sns, sp} and the libraries' own names, and
 *     {@code F} and {@code nn} when PyTorch is in play.</li>
 * <li>A module path is reported when it is called ({@code np.linalg.norm(x)}), or when an attribute of an imported
 *     name is referred to without a call ({@code np.nan}, {@code integrate.trapz} passed as an argument).</li>
 * <li>Variables get a type from what is assigned to them: {@code pd.DataFrame(...)}, {@code pd.read_*(...)} and
 *     {@code pd.concat(...)} make frames, {@code pd.Series(...)} series, any NumPy function an {@code ndarray},
 *     {@code torch.*} functions a {@code Tensor}, a class call an instance of that class
 *     ({@code model = LogisticRegression()}, so {@code model.fit} is {@code ...LogisticRegression.fit}), and
 *     {@code fig, ax = plt.subplots()} a figure and axes, {@code scipy.sparse} constructors a
 *     {@code csr_matrix}. A parameter whose default is a typed variable ({@code def f(a=example_a)}) takes its
 *     type; other parameters and untyped assignments only hide the customary aliases ({@code F = {}}), since
 *     scopes are not tracked. When pandas is in play (imported, used, or hinted),
 *     variables conventionally named {@code df}, {@code df1}, {@code df_x}, {@code x_df} are frames and
 *     {@code s}, {@code ser}, {@code series} are series.</li>
 * <li>On frames, series, arrays and tensors only known members are reported ({@code pandas.DataFrame.groupby});
 *     an unknown attribute of a frame is a column, so {@code df.price.apply(f)} and {@code df['a'].apply(f)} give
 *     {@code pandas.Series.apply}, and {@code s.str.contains} gives {@code pandas.Series.str.contains}.</li>
 * <li>Chains follow return types where they are known (most frame methods return a frame, reductions a series,
 *     {@code .values} an {@code ndarray}). Where they are not, as after {@code groupby}, {@code loc[...]} or a
 *     library function of unknown result, later links are resolved against the main type of the library the
 *     chain started from ({@code pandas.DataFrame}, {@code numpy.ndarray}, {@code torch.Tensor}) and reported
 *     only if that type has such a member: {@code df.groupby('a').agg('sum')} gives
 *     {@code pandas.DataFrame.groupby} and {@code pandas.DataFrame.agg}.</li>
 * </ul>
 * TensorFlow names are spelled {@code tensorflow.*}, as imports resolve them. Instances are stateless and safe to
 * share between threads; no input makes {@link #extract} throw.
 */
public final class PythonApiExtractor {

    /** Aliases so customary that snippets use them without the import line. */
    private static final Map<String, String> DEFAULT_ALIASES = Map.ofEntries(
            Map.entry("pd", "pandas"), Map.entry("np", "numpy"), Map.entry("plt", "matplotlib.pyplot"),
            Map.entry("tf", "tensorflow"), Map.entry("sns", "seaborn"), Map.entry("sp", "scipy"),
            Map.entry("F", "torch.nn.functional"), Map.entry("nn", "torch.nn"),
            Map.entry("pandas", "pandas"), Map.entry("numpy", "numpy"), Map.entry("scipy", "scipy"),
            Map.entry("sklearn", "sklearn"), Map.entry("torch", "torch"), Map.entry("tensorflow", "tensorflow"),
            Map.entry("matplotlib", "matplotlib"), Map.entry("seaborn", "seaborn"));

    /** Library hints as callers spell them (DS-1000 uses "Pytorch", "Sklearn"), to import roots. */
    private static final Map<String, String> HINTS = Map.of(
            "pytorch", "torch", "scikit-learn", "sklearn", "scikit_learn", "sklearn", "tf", "tensorflow",
            "pd", "pandas", "np", "numpy", "plt", "matplotlib", "keras", "tensorflow");

    private static final Set<String> COMPOUND = Set.of(
            "if", "elif", "else", "for", "while", "try", "except", "finally", "with", "def", "class", "async");

    private static final Set<String> BINARY = Set.of(
            "+", "-", "*", "/", "//", "%", "**", "@", "&", "|", "^", "<", ">", "<=", ">=", "==", "!=");

    private static final Pattern FRAME_NAME = Pattern.compile("df\\d*|df_\\w+|\\w+_df\\d*");
    private static final Pattern SERIES_NAME = Pattern.compile("s\\d?|ser\\d?|series\\d?");
    private static final Pattern AXES_NAME = Pattern.compile("ax\\d*");

    /** No API name is this long; the bound keeps pathological attribute chains linear. */
    private static final int MAX_NAME = 300;

    private static final String FRAME = "pandas.DataFrame";
    private static final String SERIES = "pandas.Series";
    private static final String NDARRAY = "numpy.ndarray";
    private static final String TENSOR = "torch.Tensor";
    private static final String AXES = "matplotlib.axes.Axes";
    private static final String FIGURE = "matplotlib.figure.Figure";

    private static final Set<String> PANDAS_FRAME_MAKERS = Set.of("DataFrame", "concat", "merge", "pivot_table",
            "pivot", "get_dummies", "crosstab", "melt", "json_normalize", "merge_asof", "merge_ordered");
    private static final Set<String> PANDAS_SERIES_MAKERS = Set.of("Series", "to_datetime", "to_numeric",
            "to_timedelta", "cut", "qcut");
    private static final Set<String> FRAME_TO_SERIES = Set.of("sum", "mean", "max", "min", "count", "std", "var",
            "median", "nunique", "idxmax", "idxmin", "any", "all", "prod", "product", "sem", "skew", "kurt", "squeeze");
    private static final Set<String> SERIES_TO_SCALAR = Set.of("sum", "mean", "max", "min", "count", "std", "var",
            "median", "nunique", "idxmax", "idxmin", "any", "all", "prod", "product", "sem", "skew", "kurt", "argmax",
            "argmin", "item", "first_valid_index", "last_valid_index", "memory_usage", "autocorr", "corr", "cov",
            "dot", "equals");
    private static final Set<String> REGROUPING = Set.of("groupby", "rolling", "resample", "expanding", "ewm",
            "loc", "iloc", "at", "iat", "style", "plot");
    private static final String CSR = "scipy.sparse.csr_matrix";
    private static final Set<String> SPARSE_MAKERS = Set.of("random", "rand", "hstack", "vstack", "eye",
            "identity", "diags", "kron", "block_diag", "bmat");
    private static final Set<String> SPARSE_TO_SPARSE = Set.of("copy", "getcol", "getrow", "transpose", "multiply",
            "power", "dot", "reshape", "astype", "tocsr", "tocsc", "tocoo", "tolil", "todok", "maximum", "minimum",
            "T", "sorted_indices", "eliminate_zeros");
    private static final Set<String> ACCESSORS = Set.of("str", "dt", "cat", "sparse");

    /**
     * The qualified APIs called or referred to in {@code code}, sorted.
     *
     * @param code         Python source or a fragment of it; null reads as empty
     * @param libraryHints libraries the code is known to be about ({@code "pandas"}, {@code "Pytorch"}...), which
     *                     switch on naming conventions such as {@code df} for frames; may be null
     * @return an unmodifiable set of dotted names, each starting with a known library or an imported module
     */
    public Set<String> extract(String code, Collection<String> libraryHints) {
        if (code == null || code.isBlank()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(new Scan(PythonTokens.of(code), libraryHints).run());
    }

    private enum Sort { PATH, INSTANCE, UNKNOWN }

    /**
     * What an expression is known to be: a module-level path ({@code numpy.linalg}), an instance of a type, or
     * unknown, possibly produced by a library ({@code name} is then that library, to resolve later links).
     */
    private record Value(Sort sort, String name) {

        static final Value NOTHING = new Value(Sort.UNKNOWN, null);

        static Value path(String name) {
            return new Value(Sort.PATH, name);
        }

        static Value of(String type) {
            return new Value(Sort.INSTANCE, type);
        }

        static Value unknown(String library) {
            return new Value(Sort.UNKNOWN, library);
        }

        String root() {
            int dot = name.indexOf('.');
            return dot < 0 ? name : name.substring(0, dot);
        }
    }

    /** The end of an expression chain and what it evaluates to. */
    private record Chain(int end, Value value) {
    }

    /** One pass over one input: all mutable state lives here, which keeps the extractor thread-safe. */
    private static final class Scan {

        private final List<Token> tokens;
        private final int[] match;
        private final int[] depth;
        private final Set<String> inPlay = new HashSet<>();
        private final Map<String, Value> bindings = new HashMap<>();
        /** Names assigned something untyped: they hide default aliases ({@code F = {}}), not conventions. */
        private final Set<String> shadowed = new HashSet<>();
        private final Set<String> found = new TreeSet<>();

        Scan(List<Token> tokens, Collection<String> hints) {
            this.tokens = tokens;
            this.match = new int[tokens.size()];
            this.depth = new int[tokens.size()];
            matchBrackets(tokens, match, depth);
            if (hints != null) {
                for (String hint : hints) {
                    if (hint != null) {
                        String h = hint.strip().toLowerCase(Locale.ROOT);
                        inPlay.add(HINTS.getOrDefault(h, h));
                    }
                }
            }
        }

        Set<String> run() {
            findLibrariesInPlay();
            int start = 0;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).kind() == Kind.END) {
                    statement(start, i);
                    start = i + 1;
                }
            }
            return found;
        }

        /** Pandas conventions apply only when pandas is imported, used through an alias, or hinted. */
        private void findLibrariesInPlay() {
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.kind() != Kind.NAME) {
                    continue;
                }
                if ((t.text().equals("import") || t.text().equals("from")) && i + 1 < tokens.size()
                        && tokens.get(i + 1).kind() == Kind.NAME) {
                    inPlay.add(root(tokens.get(i + 1).text()));
                } else if (DEFAULT_ALIASES.containsKey(t.text()) && !DEFAULT_ALIASES.get(t.text()).startsWith("torch.")
                        && op(i + 1, ".") && !op(i - 1, ".")) {
                    inPlay.add(root(DEFAULT_ALIASES.get(t.text())));
                }
            }
        }

        private void statement(int start, int end) {
            if (start >= end) {
                return;
            }
            String first = tokens.get(start).text();
            if (tokens.get(start).kind() == Kind.NAME && (first.equals("import") || first.equals("from"))) {
                importStatement(start, end);
                return;
            }
            Map<Integer, Chain> chains = new HashMap<>();
            for (int i = start; i < end; i++) {
                if (isChainStart(i, end)) {
                    Chain chain = chain(i, end);
                    if (chain != null) {
                        chains.put(i, chain);
                    }
                }
            }
            if (first.equals("def")) {
                parameters(start, end);
            }
            assignment(start, end, chains);
        }

        /**
         * Parameters hide what their names meant outside; a default that is a typed variable, as in
         * {@code def f(a=example_a)}, gives the parameter its type.
         */
        private void parameters(int start, int end) {
            int open = start + 2;
            if (!op(open, "(") || match[open] < 0) {
                return;
            }
            int close = match[open];
            int i = open + 1;
            while (i < close) {
                if (tokens.get(i).kind() == Kind.NAME) {
                    String name = tokens.get(i).text();
                    Value value = null;
                    int next = i + 1;
                    while (next < close && !op(next, ",") && !op(next, "=")) {
                        next = match[next] > next ? match[next] + 1 : next + 1;
                    }
                    if (op(next, "=") && next + 1 < close && tokens.get(next + 1).kind() == Kind.NAME
                            && (op(next + 2, ",") || next + 2 == close)) {
                        Value given = rootValue(tokens.get(next + 1).text());
                        value = given != null && given.sort() == Sort.INSTANCE ? given : null;
                    }
                    if (value != null) {
                        bindings.put(name, value);
                    } else {
                        shadowed.add(name);
                    }
                    i = next;
                }
                while (i < close && !op(i, ",")) {
                    i = match[i] > i ? match[i] + 1 : i + 1;
                }
                i++;
            }
        }

        private boolean isChainStart(int i, int end) {
            Token t = tokens.get(i);
            if (t.kind() != Kind.NAME || op(i - 1, ".")) {
                return false;
            }
            if (i > 0 && tokens.get(i - 1).kind() == Kind.NAME
                    && (tokens.get(i - 1).text().equals("def") || tokens.get(i - 1).text().equals("class"))) {
                return false;
            }
            // A keyword argument's name, as in f(index=...), is not a reference to anything.
            return !(i + 1 < end && op(i + 1, "=") && depth[i] > 0);
        }

        // ---- imports

        /**
         * Binds {@code import a.b [as c], ...} and {@code from a.b import c [as d], ...}. Parts that are not exactly
         * that shape (garbage, relative or star imports) bind nothing.
         */
        private void importStatement(int start, int end) {
            if (tokens.get(start).text().equals("import")) {
                for (List<Token> part : split(start + 1, end)) {
                    int nameEnd = dottedEnd(part);
                    String alias = alias(part, nameEnd);
                    if (nameEnd < 0 || (alias == null && nameEnd != part.size())) {
                        continue;
                    }
                    String module = joined(part, nameEnd);
                    if (alias != null) {
                        bindings.put(alias, Value.path(module));
                    } else {
                        bindings.put(root(module), Value.path(root(module)));
                    }
                }
                return;
            }
            int importAt = -1;
            for (int i = start + 1; i < end; i++) {
                if (tokens.get(i).kind() == Kind.NAME && tokens.get(i).text().equals("import")) {
                    importAt = i;
                    break;
                }
            }
            if (importAt < 0) {
                return;
            }
            List<Token> from = tokens.subList(start + 1, importAt);
            if (dottedEnd(from) != from.size()) {
                return;
            }
            String module = joined(from, from.size());
            for (List<Token> part : split(importAt + 1, end)) {
                String alias = alias(part, 1);
                if (part.isEmpty() || part.get(0).kind() != Kind.NAME || (alias == null && part.size() != 1)) {
                    continue;
                }
                String name = part.get(0).text();
                bindings.put(alias != null ? alias : name, Value.path(module + "." + name));
            }
        }

        /** The comma-separated parts of an import list, without parentheses. */
        private List<List<Token>> split(int start, int end) {
            List<List<Token>> parts = new ArrayList<>();
            List<Token> part = new ArrayList<>();
            for (int i = start; i < end; i++) {
                Token t = tokens.get(i);
                if (t.is(",")) {
                    parts.add(part);
                    part = new ArrayList<>();
                } else if (!t.is("(") && !t.is(")")) {
                    part.add(t);
                }
            }
            parts.add(part);
            return parts;
        }

        /** Where {@code a.b.c} at the start of an import part ends, or -1 if it does not start with one. */
        private static int dottedEnd(List<Token> part) {
            int i = 0;
            while (i < part.size() && part.get(i).kind() == Kind.NAME && !part.get(i).text().equals("as")) {
                if (i + 2 < part.size() && part.get(i + 1).is(".")) {
                    i += 2;
                } else {
                    return i + 1;
                }
            }
            return -1;
        }

        private static String joined(List<Token> part, int end) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < end; i++) {
                name.append(part.get(i).text());
            }
            return name.toString();
        }

        /** The alias of {@code ... as alias} when the part ends with it right after {@code nameEnd}, else null. */
        private static String alias(List<Token> part, int nameEnd) {
            if (nameEnd >= 0 && part.size() == nameEnd + 2 && part.get(nameEnd).kind() == Kind.NAME
                    && part.get(nameEnd).text().equals("as") && part.get(nameEnd + 1).kind() == Kind.NAME) {
                return part.get(nameEnd + 1).text();
            }
            return null;
        }

        // ---- assignments

        private void assignment(int start, int end, Map<Integer, Chain> chains) {
            int body = start;
            if (tokens.get(start).kind() == Kind.NAME && COMPOUND.contains(tokens.get(start).text())) {
                body = topLevel(start, end, ":");
                if (body < 0) {
                    return;
                }
                body++;
            }
            int lastEquals = -1;
            for (int i = body; i < end; i++) {
                if (op(i, "=")) {
                    lastEquals = i;
                } else if (match[i] > i) {
                    i = match[i];
                }
            }
            if (lastEquals < 0 || lastEquals + 1 >= end) {
                return;
            }
            int rhs = lastEquals + 1;
            Chain chain = chains.get(rhs);
            // x = np.array(...) * 2 still makes an array; x = f(...) if c else g(...) or a tuple does not.
            Value value = chain != null && (chain.end() >= end || tokens.get(chain.end()).kind() == Kind.OP
                    && BINARY.contains(tokens.get(chain.end()).text())) ? chain.value() : null;
            int targetStart = body;
            for (int i = body; i <= lastEquals; i++) {
                if (op(i, "=")) {
                    bindTargets(targetStart, i, value, rhs);
                    targetStart = i + 1;
                } else if (match[i] > i) {
                    i = match[i];
                }
            }
        }

        private void bindTargets(int start, int end, Value value, int rhs) {
            if (end - start == 1 && tokens.get(start).kind() == Kind.NAME) {
                String name = tokens.get(start).text();
                bind(name, value);
                return;
            }
            boolean subplots = "matplotlib.pyplot.subplots".equals(pathAt(rhs));
            for (int i = start; i < end; i++) {
                Token t = tokens.get(i);
                if (op(i, "[") && match[i] > i) {
                    i = match[i];
                } else if (t.kind() == Kind.NAME && !op(i - 1, ".") && !op(i + 1, ".") && !op(i + 1, "[")) {
                    // fig, ax = plt.subplots() and fig, (ax1, ax2) = ...: the one tuple worth knowing about.
                    if (subplots && i == start) {
                        bind(t.text(), Value.of(FIGURE));
                    } else {
                        bind(t.text(), subplots && AXES_NAME.matcher(t.text()).matches() ? Value.of(AXES) : null);
                    }
                }
            }
        }

        private void bind(String name, Value value) {
            if (value == null || (value.sort() == Sort.UNKNOWN && value.name() == null)) {
                bindings.remove(name);
                shadowed.add(name);
            } else {
                bindings.put(name, value);
            }
        }

        /** The module path of a call at i such as {@code plt.subplots(...)}, or null. */
        private String pathAt(int i) {
            Value root = rootValue(tokens.get(i).text());
            if (root == null || root.sort() != Sort.PATH) {
                return null;
            }
            StringBuilder path = new StringBuilder(root.name());
            int j = i + 1;
            while (op(j, ".") && j + 1 < tokens.size() && tokens.get(j + 1).kind() == Kind.NAME) {
                path.append('.').append(tokens.get(j + 1).text());
                j += 2;
            }
            return path.toString();
        }

        private int topLevel(int start, int end, String op) {
            for (int i = start; i < end; i++) {
                if (op(i, op)) {
                    return i;
                }
                if (match[i] > i) {
                    i = match[i];
                }
            }
            return -1;
        }

        // ---- chains

        private Value rootValue(String name) {
            Value bound = bindings.get(name);
            if (bound != null) {
                return bound;
            }
            String alias = shadowed.contains(name) ? null : DEFAULT_ALIASES.get(name);
            // F and nn are common variable names; they mean PyTorch only in PyTorch code.
            if (alias != null && (!alias.startsWith("torch.") || inPlay.contains("torch"))) {
                return Value.path(alias);
            }
            if (inPlay.contains("pandas")) {
                if (FRAME_NAME.matcher(name).matches()) {
                    return Value.of(FRAME);
                }
                if (SERIES_NAME.matcher(name).matches()) {
                    return Value.of(SERIES);
                }
            }
            return null;
        }

        /**
         * Walks {@code name(.attr | (args) | [index])*} from {@code start}, reporting APIs on the way. A path is
         * reported when called, or when the chain leaves it after reaching it through an attribute.
         */
        private Chain chain(int start, int end) {
            Value value = rootValue(tokens.get(start).text());
            if (value == null) {
                return null;
            }
            boolean viaAttribute = false;
            int i = start + 1;
            while (i < end) {
                if (op(i, ".") && i + 1 < end && tokens.get(i + 1).kind() == Kind.NAME) {
                    String attribute = tokens.get(i + 1).text();
                    boolean called = op(i + 2, "(") && match[i + 2] > i + 2;
                    i += 2;
                    if (value.sort() == Sort.PATH) {
                        if (value.name().length() > MAX_NAME) {
                            return new Chain(i, Value.NOTHING);
                        }
                        value = Value.path(value.name() + "." + attribute);
                        viaAttribute = true;
                        continue;
                    }
                    value = member(value, attribute, called);
                    if (called) {
                        i = match[i] + 1;
                    }
                    viaAttribute = value.sort() == Sort.PATH;
                } else if (op(i, "(") && match[i] > i) {
                    value = call(value);
                    viaAttribute = false;
                    i = match[i] + 1;
                } else if (op(i, "[") && match[i] > i) {
                    if (value.sort() == Sort.PATH && viaAttribute) {
                        report(value.name());
                    }
                    value = subscript(value, match[i] == i + 2 && tokens.get(i + 1).kind() == Kind.STRING);
                    viaAttribute = false;
                    i = match[i] + 1;
                } else {
                    break;
                }
            }
            if (value.sort() == Sort.PATH && viaAttribute) {
                report(value.name());
            }
            return new Chain(i, value);
        }

        private Value call(Value callee) {
            if (callee.sort() != Sort.PATH) {
                return Value.unknown(callee.sort() == Sort.INSTANCE ? callee.root() : callee.name());
            }
            String path = callee.name();
            report(path);
            return returnOf(path);
        }

        /** What calling the module-level function or class {@code path} gives. */
        private static Value returnOf(String path) {
            String[] parts = path.split("\\.");
            String last = parts[parts.length - 1];
            String lib = parts[0];
            boolean className = isClassName(last);
            switch (lib) {
                case "pandas":
                    if (PANDAS_FRAME_MAKERS.contains(last) || last.startsWith("read_") || path.startsWith(FRAME + ".")) {
                        return Value.of(FRAME);
                    }
                    if (PANDAS_SERIES_MAKERS.contains(last) || path.startsWith(SERIES + ".")) {
                        return Value.of(SERIES);
                    }
                    return className ? Value.of(path) : Value.unknown(lib);
                case "numpy":
                    if (className) {
                        return Value.of(path);
                    }
                    return path.equals("numpy.random.seed") ? Value.NOTHING : Value.of(NDARRAY);
                case "torch":
                    if (className) {
                        return Value.of(path);
                    }
                    boolean tensorFunction = parts.length == 2 || path.startsWith("torch.nn.functional.")
                            || path.startsWith("torch.linalg.") || path.startsWith("torch.fft.");
                    return tensorFunction ? Value.of(TENSOR) : Value.unknown(lib);
                case "matplotlib":
                    return switch (last) {
                        case "gca", "subplot", "axes", "subplot2grid" -> Value.of(AXES);
                        case "gcf", "figure" -> Value.of(FIGURE);
                        default -> className ? Value.of(path) : Value.NOTHING;
                    };
                default:
                    // scipy.sparse matrices are classes despite their lower-case names; the functions that build
                    // one are read as building the format most code uses.
                    if (path.startsWith("scipy.sparse.") && (last.endsWith("_matrix") || last.endsWith("_array"))) {
                        return Value.of(path);
                    }
                    if (path.startsWith("scipy.sparse.") && SPARSE_MAKERS.contains(last)) {
                        return Value.of(CSR);
                    }
                    return className ? Value.of(path) : Value.unknown(lib);
            }
        }

        /** {@code receiver.attribute}, called or not; reports the member when it is known to exist. */
        private Value member(Value receiver, String attribute, boolean called) {
            if (receiver.sort() == Sort.UNKNOWN) {
                String primary = primaryType(receiver.name());
                if (primary == null || !members(primary).contains(attribute)) {
                    return Value.NOTHING;
                }
                receiver = Value.of(primary);
            }
            String type = receiver.name();
            Set<String> members = members(type);
            if (members == null) {
                report(type + "." + attribute);
                if (called) {
                    return genericMethod(receiver, attribute);
                }
                if (type.startsWith("scipy.sparse.")) {
                    return attribute.equals("A") ? Value.of(NDARRAY) : attribute.equals("T") ? receiver : Value.NOTHING;
                }
                return Value.NOTHING;
            }
            if (!members.contains(attribute)) {
                // An unknown attribute of a frame is a column.
                return !called && type.equals(FRAME) ? Value.of(SERIES) : Value.NOTHING;
            }
            if (!called && type.equals(SERIES) && ACCESSORS.contains(attribute)) {
                return Value.path(SERIES + "." + attribute);
            }
            report(type + "." + attribute);
            if (PythonMembers.OPAQUE.contains(attribute)) {
                return Value.NOTHING;
            }
            if (REGROUPING.contains(attribute)) {
                return Value.unknown("pandas");
            }
            switch (type) {
                case FRAME:
                    if (called) {
                        if (FRAME_TO_SERIES.contains(attribute)) {
                            return Value.of(SERIES);
                        }
                        return attribute.equals("to_numpy") ? Value.of(NDARRAY) : Value.of(FRAME);
                    }
                    return frameAttribute(attribute);
                case SERIES:
                    if (called) {
                        if (SERIES_TO_SCALAR.contains(attribute)) {
                            return Value.NOTHING;
                        }
                        if (attribute.equals("to_frame")) {
                            return Value.of(FRAME);
                        }
                        return attribute.equals("to_numpy") || attribute.equals("unique")
                                ? Value.of(NDARRAY) : Value.of(SERIES);
                    }
                    return seriesAttribute(attribute);
                case NDARRAY:
                    return called || Set.of("T", "real", "imag", "flat", "base").contains(attribute)
                            ? Value.of(NDARRAY) : Value.NOTHING;
                default:
                    if (attribute.equals("numpy")) {
                        return Value.of(NDARRAY);
                    }
                    return called || Set.of("T", "data", "grad").contains(attribute) ? Value.of(TENSOR) : Value.NOTHING;
            }
        }

        private static Value frameAttribute(String attribute) {
            return switch (attribute) {
                case "values" -> Value.of(NDARRAY);
                case "T" -> Value.of(FRAME);
                case "index", "columns" -> Value.of("pandas.Index");
                default -> Value.NOTHING;
            };
        }

        private static Value seriesAttribute(String attribute) {
            return switch (attribute) {
                case "values", "array" -> Value.of(NDARRAY);
                case "T" -> Value.of(SERIES);
                case "index" -> Value.of("pandas.Index");
                default -> Value.NOTHING;
            };
        }

        /** Methods of types without a member list: estimators' fit returns the estimator, figures make axes. */
        private static Value genericMethod(Value receiver, String method) {
            if (receiver.name().startsWith("scipy.sparse.")) {
                if (method.equals("toarray") || method.equals("todense")) {
                    return Value.of(NDARRAY);
                }
                return SPARSE_TO_SPARSE.contains(method) ? receiver : Value.NOTHING;
            }
            if (method.equals("fit") || method.equals("partial_fit") || method.equals("set_params")) {
                return receiver;
            }
            if (receiver.name().equals(FIGURE) && (method.equals("add_subplot") || method.equals("gca"))) {
                return Value.of(AXES);
            }
            return Value.unknown(receiver.root());
        }

        private static Value subscript(Value receiver, boolean singleString) {
            if (receiver.sort() == Sort.INSTANCE) {
                return switch (receiver.name()) {
                    case FRAME -> singleString ? Value.of(SERIES) : Value.of(FRAME);
                    case SERIES, NDARRAY, TENSOR -> receiver;
                    default -> Value.NOTHING;
                };
            }
            if (receiver.sort() == Sort.PATH) {
                return Value.unknown(receiver.root());
            }
            return receiver;
        }

        private static String primaryType(String library) {
            if (library == null) {
                return null;
            }
            return switch (library) {
                case "pandas" -> FRAME;
                case "numpy" -> NDARRAY;
                case "torch" -> TENSOR;
                default -> null;
            };
        }

        private static Set<String> members(String type) {
            return switch (type) {
                case FRAME -> PythonMembers.DATAFRAME;
                case SERIES -> PythonMembers.SERIES;
                case NDARRAY -> PythonMembers.NDARRAY;
                case TENSOR -> PythonMembers.TENSOR;
                default -> null;
            };
        }

        private void report(String name) {
            if (name.indexOf('.') > 0) {
                found.add(name);
            }
        }

        // ---- tokens

        private boolean op(int i, String op) {
            return i >= 0 && i < tokens.size() && tokens.get(i).is(op);
        }

        /**
         * Fills, for each opening bracket, the index of its closing bracket (-1 if unmatched, and for other tokens),
         * and for each token the number of brackets open around it.
         */
        private static void matchBrackets(List<Token> tokens, int[] match, int[] depth) {
            Arrays.fill(match, -1);
            Deque<Integer> open = new ArrayDeque<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                depth[i] = open.size();
                if (t.kind() == Kind.END) {
                    open.clear();
                } else if (t.is("(") || t.is("[") || t.is("{")) {
                    open.push(i);
                } else if (t.is(")") || t.is("]") || t.is("}")) {
                    String expected = t.is(")") ? "(" : t.is("]") ? "[" : "{";
                    while (!open.isEmpty() && !tokens.get(open.peek()).is(expected)) {
                        open.pop();
                    }
                    if (!open.isEmpty()) {
                        match[open.pop()] = i;
                    }
                }
            }
        }
    }

    private static String root(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? dotted : dotted.substring(0, dot);
    }

    private static boolean isClassName(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase(Locale.ROOT));
    }
}
