package dev.spark.experience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;
import org.quicktheories.impl.Constraint;

class PythonApiExtractorProperties {

    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    /** Module roots an import may bind: after {@code import} or {@code from}, and after commas ({@code import a, b}). */
    private static final Pattern IMPORTED = Pattern.compile("(?:\\bimport|\\bfrom|,)[\\s(]*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> LIBRARIES = Set.of(
            "pandas", "numpy", "matplotlib", "tensorflow", "seaborn", "scipy", "torch", "sklearn");

    private final PythonApiExtractor extractor = new PythonApiExtractor();

    // ---- Python that calls known APIs: exactly those are found

    @Test
    void findsExactlyTheApisThatGeneratedPythonCalls() {
        qt().withExamples(1000).forAll(programs(), hints()).checkAssert((program, hints) ->
                assertThat(extractor.extract(program.code(), hints))
                        .as("APIs of\n%s\nwith hints %s", program.code(), hints)
                        .isEqualTo(program.apis()));
    }

    /** Cutting a program anywhere, or dropping a piece of it, leaves code the extractor must still survive. */
    @Test
    void brokenProgramsGiveDottedNamesOfKnownOrigin() {
        qt().withExamples(500).forAll(programs(), integers().between(0, 10_000), integers().between(0, 40))
                .checkAssert((program, at, length) -> {
                    String code = program.code();
                    int from = at % (code.length() + 1);
                    check(code.substring(0, from), List.of("pandas"));
                    check(code.substring(0, from) + code.substring(Math.min(code.length(), from + length)), List.of());
                });
    }

    // ---- Any text: the extractor never throws, and every name it gives has a known origin

    @Test
    void anyTextGivesDottedNamesOfKnownOrigin() {
        qt().withExamples(500).forAll(Texts.anyText(255)).checkAssert(text -> check(text, List.of("pandas")));
    }

    @Test
    void pythonLikeTextGivesDottedNamesOfKnownOrigin() {
        qt().withExamples(1000).forAll(pythonish()).checkAssert(code -> check(code, List.of("pandas", "pytorch")));
    }

    private void check(String code, List<String> hints) {
        Set<String> names = new HashSet<>();
        assertThatCode(() -> names.addAll(extractor.extract(code, hints))).as("extracting from %s", code)
                .doesNotThrowAnyException();
        Set<String> roots = new HashSet<>(LIBRARIES);
        Matcher m = IMPORTED.matcher(code);
        while (m.find()) {
            roots.add(m.group(1));
        }
        for (String name : names) {
            assertThat(name).matches(DOTTED);
            assertThat(roots).contains(name.substring(0, name.indexOf('.')));
        }
    }

    /** Fragments of data-science code glued at random, so the scanner meets real structure broken in odd places. */
    private static Gen<String> pythonish() {
        Gen<String> piece = Generate.pick(List.of(
                "import numpy as np", "from sklearn.svm import SVR", "import os.path as osp", "from . import x",
                "from x import *", "import", "from", " as ", "df", "df2", "s", "pd", "np", "F", "nn", "torch", "tf",
                "plt", "fig, ax = plt.subplots()", "a = np.array([1, 2])", "t = torch.tensor(x)", ".", ".groupby(",
                ".str", ".values", ".reshape(", "(", ")", "[", "]", "{", "}", "'", "\"", "'''", "\"\"\"", "#", "\n",
                "\\\n", ";", ",", "=", "==", ":", "lambda x:", "def g(df, a=b):", "class C:", "for F in x:", "1.5e-3",
                "0x1F", "'str'", "f\"{np.pi}\"", "r'\\d'", "b'\\x00'", "    ", "\t", "é", "\u0000", "np.linalg.norm",
                "df['a'].apply(f)", "sparse.random(3, 3)", "return", "SVR().fit(X, y)"));
        return Texts.glued(piece, 40);
    }

    private static Gen<List<String>> hints() {
        return lists().of(Generate.pick(List.of("pandas", "numpy", "Pytorch", "sklearn", "Matplotlib")))
                .ofSizeBetween(0, 3);
    }

    // ---- The generator of Python programs and of the APIs they call

    /** A generated program and the qualified APIs it calls or refers to. */
    record Program(String code, Set<String> apis) {

        @Override
        public String toString() {
            return "\n" + code + "\n=> " + apis;
        }
    }

    private static Gen<Program> programs() {
        return random -> new ProgramWriter(random).program();
    }

    /** What a generated expression evaluates to, as far as the extractor's documented rules can tell. */
    private enum Type { FRAME, SERIES, ARRAY, MODEL, GROUPED, NONE }

    /** A generated expression, the APIs it calls, and its type. */
    private record Expr(String code, Set<String> apis, Type type) {

        Expr then(String step, Type next, String... called) {
            Set<String> all = new TreeSet<>(apis);
            all.addAll(Arrays.asList(called));
            return new Expr(code + step, all, next);
        }

        Expr with(Set<String> more) {
            Set<String> all = new TreeSet<>(apis);
            all.addAll(more);
            return new Expr(code, all, type);
        }
    }

    /**
     * Writes one program from the randomness QuickTheories hands out (so that failures shrink): imports under
     * random aliases, then statements whose expressions are chains over frames, series, arrays and an estimator,
     * nested in calls, comprehensions, lambdas, conditionals and blocks, with random spacing, comments and string
     * literals that look like API calls. The expected APIs follow the rules documented on PythonApiExtractor.
     */
    private static final class ProgramWriter {

        private static final String LINEAR_REGRESSION = "sklearn.linear_model.LinearRegression";
        private static final List<String> CUSTOMARY = List.of("pd", "np", "plt", "tf", "sns", "sp", "F", "nn");
        /** Variable stems; digits are appended, so no name is a keyword, an alias or a convention such as df or s. */
        private static final List<String> STEMS = List.of(
                "data", "frame", "tbl", "arr", "vals", "res", "out", "tmp", "grid", "rows", "acc", "zeta", "mu", "lo",
                "hi", "k", "x", "y", "z", "q");
        private static final List<String> STRINGS = List.of(
                "'a'", "\"b\"", "'pd.read_csv(x)'", "\"np.zeros(3)\"", "'''np.eye(2)'''", "r'\\d+'", "'a.csv'",
                "\"\"\"torch.tensor(1)\"\"\"", "f'{1 + 2}'", "'#'");
        private static final List<String> COMMENTS = List.of(
                "# %s.read_excel('x')", "# np.linalg.inv(m) is slower", "# TODO: %s.concat", "#", "# (see docs)");

        private final RandomnessSource random;
        private final StringBuilder code = new StringBuilder();
        private final Set<String> apis = new TreeSet<>();
        private final Set<String> used = new HashSet<>();
        private final Map<Type, List<String>> variables = new EnumMap<>(Type.class);
        private final Map<String, String> imported = new LinkedHashMap<>();
        private int fresh;

        ProgramWriter(RandomnessSource random) {
            this.random = random;
            for (Type type : Type.values()) {
                variables.put(type, new ArrayList<>());
            }
        }

        Program program() {
            imports();
            int statements = between(1, 8);
            for (int i = 0; i < statements; i++) {
                statement();
            }
            return new Program(code.toString(), Set.copyOf(apis));
        }

        // ---- imports

        private void imports() {
            String pandas = alias("pandas");
            String numpy = alias("numpy");
            imported.put("pandas", pandas);
            imported.put("numpy", numpy);
            List<String> lines = new ArrayList<>();
            if (chance(25)) {
                lines.add("import " + importPart("pandas", pandas) + "," + space() + importPart("numpy", numpy));
            } else {
                lines.add("import " + importPart("pandas", pandas));
                lines.add("import " + importPart("numpy", numpy));
            }
            if (chance(50)) {
                String readCsv = chance(50) ? claim("read_csv") : alias("read_csv");
                imported.put("pandas.read_csv", readCsv);
                lines.add("from pandas import read_csv" + (readCsv.equals("read_csv") ? "" : " as " + readCsv));
            }
            if (chance(50)) {
                String linalg = chance(50) ? claim("linalg") : alias("linalg");
                imported.put("numpy.linalg", linalg);
                String part = "linalg" + (linalg.equals("linalg") ? "" : " as " + linalg);
                if (chance(50)) {
                    imported.put("numpy.fft", claim("fft"));
                    lines.add("from numpy import (\n    " + part + ",\n    fft," + comment().formatted(pandas) + "\n)");
                } else {
                    lines.add("from numpy import " + part);
                }
            }
            if (chance(50)) {
                String estimator = chance(50) ? claim("LinearRegression") : alias("LinearRegression");
                imported.put(LINEAR_REGRESSION, estimator);
                lines.add("from sklearn.linear_model import LinearRegression"
                        + (estimator.equals("LinearRegression") ? "" : " as " + estimator));
            }
            if (chance(30)) {
                imported.put("os", claim("os"));
                lines.add("import os");
            }
            shuffle(lines);
            for (String line : lines) {
                code.append(line).append(chance(20) ? space() + comment().formatted(numpy) : "").append('\n');
                if (chance(15)) {
                    code.append(chance(50) ? "\n" : comment().formatted(pandas) + "\n");
                }
            }
        }

        private String importPart(String module, String alias) {
            return module + (alias.equals(module) ? "" : " as " + alias);
        }

        /** A customary alias of some library (import bindings beat customs), the module's own name, or a new name. */
        private String alias(String module) {
            int kind = between(0, 2);
            if (kind == 0) {
                String customary = CUSTOMARY.get(between(0, CUSTOMARY.size() - 1));
                if (!used.contains(customary)) {
                    return claim(customary);
                }
            } else if (kind == 1 && !module.contains("_") && !used.contains(module)) {
                return claim(module);
            }
            return name();
        }

        // ---- statements

        private void statement() {
            switch (between(0, 13)) {
                case 0, 1, 2 -> assign(chain(2), false);
                case 3 -> assign(binary(chain(1)), false);
                case 4 -> line(wrap(chain(2)));
                case 5 -> {
                    Expr e = chain(2);
                    line((chance(50) ? "print(" : "len(") + space() + e.code() + space() + ")", e);
                }
                case 6 -> {
                    Expr e = chain(1);
                    String v = name();
                    assign(new Expr("[" + e.code() + " for " + v + " in range(3)]", e.apis(), Type.NONE), true);
                }
                case 7 -> {
                    Expr e = chain(1);
                    assign(new Expr("lambda " + name() + ":" + space() + e.code(), e.apis(), Type.NONE), true);
                }
                case 8 -> {
                    Expr a = chain(1);
                    Expr b = chain(1);
                    assign(new Expr(a.code() + " if len(" + b.code() + ") > 0 else None", a.apis(), Type.NONE)
                            .with(b.apis()), true);
                }
                case 9 -> {
                    Expr a = chain(1);
                    Expr b = chain(1);
                    String text = "{'k':" + space() + a.code() + ", 'j': [" + b.code() + "]}";
                    assign(new Expr(text, a.apis(), Type.NONE).with(b.apis()), true);
                }
                case 10 -> block();
                case 11 -> function();
                case 12 -> {
                    String first = name();
                    String second = name();
                    Expr a = chain(1);
                    Expr b = chain(1);
                    line(first + ", " + second + " = " + a.code() + ", " + b.code(), a.with(b.apis()));
                    variables.get(Type.NONE).addAll(List.of(first, second));
                }
                default -> other();
            }
        }

        private void assign(Expr value, boolean untyped) {
            List<String> candidates = new ArrayList<>();
            variables.values().forEach(candidates::addAll);
            String target = !candidates.isEmpty() && chance(25)
                    ? candidates.get(between(0, candidates.size() - 1)) : name();
            variables.values().forEach(names -> names.remove(target));
            String text = target + space() + "=" + space() + value.code();
            if (!untyped && value.type() != Type.NONE && chance(15)) {
                // A backslash continues the logical line.
                int dot = value.code().lastIndexOf(").");
                if (dot > 0 && !value.code().substring(dot).contains("\n")) {
                    text = target + " = " + value.code().substring(0, dot + 1) + " \\\n    " + value.code().substring(dot + 1);
                }
            }
            line(text, value);
            variables.get(untyped ? Type.NONE : value.type()).add(target);
        }

        /** {@code if}, {@code for} or {@code with} around one statement, on its own line or after the colon. */
        private void block() {
            Expr inner = chain(1);
            String header = switch (between(0, 2)) {
                case 0 -> {
                    Expr condition = chain(1);
                    inner = inner.with(condition.apis());
                    yield "if len(" + condition.code() + ") > 1:";
                }
                case 1 -> "for " + name() + " in range(" + between(1, 9) + "):";
                default -> "with open(" + pick(STRINGS) + ") as " + name() + ":";
            };
            String target = name();
            String body = target + " = " + inner.code();
            line(header + (chance(30) ? " " + body : "\n    " + body), inner);
            variables.get(inner.type()).add(target);
        }

        /** A function whose parameter either hides nothing known or takes the type of its default, a typed variable. */
        private void function() {
            String parameter = name();
            List<String> typed = new ArrayList<>();
            for (Type type : List.of(Type.FRAME, Type.SERIES, Type.ARRAY, Type.MODEL)) {
                variables.get(type).forEach(v -> typed.add(type + ":" + v));
            }
            if (!typed.isEmpty() && chance(60)) {
                String chosen = typed.get(between(0, typed.size() - 1));
                Type type = Type.valueOf(chosen.substring(0, chosen.indexOf(':')));
                String variable = chosen.substring(chosen.indexOf(':') + 1);
                Expr body = steps(new Expr(parameter, Set.of(), type), 1, 3);
                line("def " + name() + "(" + parameter + space() + "=" + space() + variable + "):\n    return "
                        + body.code(), body);
                variables.get(type).add(parameter);
            } else {
                Expr body = chain(1);
                line("def " + name() + "(" + parameter + ", *args, **kwargs):\n    return " + body.code(), body);
            }
        }

        /** Comments, docstrings, module references, arithmetic in place and statements joined by semicolons. */
        private void other() {
            String numpy = imported.get("numpy");
            switch (between(0, 4)) {
                case 0 -> code.append(comment().formatted(imported.get("pandas"))).append('\n');
                case 1 -> code.append("\"\"\"").append(numpy).append(".ones(3) in a docstring\n\"\"\"\n");
                case 2 -> {
                    String constant = chance(50) ? "nan" : "pi";
                    line("print(" + numpy + "." + constant + ")", new Expr("", Set.of("numpy." + constant), Type.NONE));
                }
                case 3 -> {
                    List<String> typed = new ArrayList<>(variables.get(Type.FRAME));
                    typed.addAll(variables.get(Type.ARRAY));
                    if (!typed.isEmpty()) {
                        line(typed.get(between(0, typed.size() - 1)) + " += 1", new Expr("", Set.of(), Type.NONE));
                    }
                }
                default -> {
                    Expr a = chain(1);
                    Expr b = chain(1);
                    line("print(" + a.code() + ");" + space() + "len(" + b.code() + ")", a.with(b.apis()));
                }
            }
            if (imported.containsKey("os") && chance(30)) {
                line("os.path.join(" + pick(STRINGS) + ", " + pick(STRINGS) + ")",
                        new Expr("", Set.of("os.path.join"), Type.NONE));
            }
        }

        private void line(String text, Expr expr) {
            code.append(text);
            if (chance(20)) {
                code.append(space()).append("  ").append(comment().formatted(imported.get("numpy")));
            }
            code.append('\n');
            apis.addAll(expr.apis());
        }

        private void line(Expr expr) {
            line(expr.code(), expr);
        }

        // ---- expressions

        /** An expression followed by 0 to 4 steps (methods, attributes, subscripts); {@code depth} bounds nesting. */
        private Expr chain(int depth) {
            return steps(source(depth), 0, 4);
        }

        private Expr steps(Expr start, int min, int max) {
            Expr e = start;
            int steps = between(min, max);
            for (int i = 0; i < steps && e.type() != Type.NONE; i++) {
                e = step(e);
            }
            return e;
        }

        private Expr binary(Expr e) {
            String op = pick(List.of("*", "+", "-", "/", "**", "<", "=="));
            return new Expr(e.code() + space() + op + space() + between(1, 9), e.apis(), e.type());
        }

        /** A chain spread over lines in parentheses: its APIs count, but the parenthesised value is not a chain. */
        private Expr wrap(Expr e) {
            if (!chance(30)) {
                return e;
            }
            return new Expr("(\n    " + e.code().replace(").", ")\n    .") + "\n)", e.apis(), Type.NONE);
        }

        private Expr source(int depth) {
            String pandas = imported.get("pandas");
            String numpy = imported.get("numpy");
            List<Supplier<Expr>> options = new ArrayList<>();
            options.add(() -> new Expr(pandas + ".read_csv(" + pick(STRINGS) + ")", Set.of("pandas.read_csv"), Type.FRAME));
            options.add(() -> new Expr(pandas + ".DataFrame({'a': [1, 2],\n    'b': [3, 4]})", Set.of("pandas.DataFrame"),
                    Type.FRAME));
            options.add(() -> new Expr(pandas + ".Series([1, 2, 3])", Set.of("pandas.Series"), Type.SERIES));
            options.add(() -> {
                String function = pick(List.of("zeros", "arange", "ones"));
                return new Expr(numpy + "." + function + "(" + between(1, 9) + ")", Set.of("numpy." + function), Type.ARRAY);
            });
            options.add(() -> new Expr(numpy + ".array([[1, 2],\n    [3, 4]])", Set.of("numpy.array"), Type.ARRAY));
            if (imported.containsKey("pandas.read_csv")) {
                options.add(() -> new Expr(imported.get("pandas.read_csv") + "(" + pick(STRINGS) + ")",
                        Set.of("pandas.read_csv"), Type.FRAME));
            }
            if (imported.containsKey(LINEAR_REGRESSION)) {
                options.add(() -> new Expr(imported.get(LINEAR_REGRESSION) + "()", Set.of(LINEAR_REGRESSION), Type.MODEL));
            }
            for (Type type : List.of(Type.FRAME, Type.SERIES, Type.ARRAY, Type.MODEL, Type.GROUPED)) {
                for (String variable : variables.get(type)) {
                    options.add(() -> new Expr(variable, Set.of(), type));
                }
            }
            if (depth > 0) {
                options.add(() -> {
                    Expr a = chain(depth - 1);
                    Expr b = chain(depth - 1);
                    return new Expr(pandas + ".concat([" + a.code() + "," + space() + b.code() + "])",
                            Set.of("pandas.concat"), Type.FRAME).with(a.apis()).with(b.apis());
                });
                options.add(() -> {
                    Expr a = chain(depth - 1);
                    return new Expr(pandas + ".to_numeric(" + a.code() + ")", Set.of("pandas.to_numeric"), Type.SERIES)
                            .with(a.apis());
                });
                options.add(() -> {
                    Expr array = arrayArgument(depth - 1);
                    return new Expr(numpy + ".linalg.inv(" + array.code() + ")", Set.of("numpy.linalg.inv"), Type.ARRAY)
                            .with(array.apis());
                });
                if (imported.containsKey("numpy.linalg")) {
                    options.add(() -> {
                        Expr array = arrayArgument(depth - 1);
                        return new Expr(imported.get("numpy.linalg") + ".norm(" + array.code() + ")",
                                Set.of("numpy.linalg.norm"), Type.ARRAY).with(array.apis());
                    });
                }
                if (imported.containsKey("numpy.fft")) {
                    options.add(() -> {
                        Expr array = arrayArgument(depth - 1);
                        return new Expr("fft.fft(" + array.code() + ")", Set.of("numpy.fft.fft"), Type.ARRAY)
                                .with(array.apis());
                    });
                }
            }
            return pick(options).get();
        }

        private Expr arrayArgument(int depth) {
            if (chance(40)) {
                return new Expr("[[1, 0], [0, 1]]", Set.of(), Type.NONE);
            }
            return chain(depth);
        }

        /** One step of a chain on a value of a known type, with the APIs it reports and the type it gives. */
        private Expr step(Expr e) {
            String numpy = imported.get("numpy");
            String dot = chance(10) ? " . " : ".";
            return switch (e.type()) {
                case FRAME -> switch (between(0, 13)) {
                    case 0 -> method(e, dot, pick(List.of("dropna", "reset_index", "copy", "ffill", "bfill")), "()",
                            "pandas.DataFrame", Type.FRAME);
                    case 1 -> method(e, dot, pick(List.of("head", "tail")), "(" + between(1, 9) + ")", "pandas.DataFrame",
                            Type.FRAME);
                    case 2 -> method(e, dot, "sort_values", "(" + pick(STRINGS) + ")", "pandas.DataFrame", Type.FRAME);
                    case 3 -> method(e, dot, "drop", "(columns=" + pick(STRINGS) + ")", "pandas.DataFrame", Type.FRAME);
                    case 4 -> {
                        Expr other = chance(50) ? chain(0) : new Expr(imported.get("pandas") + ".DataFrame()",
                                Set.of("pandas.DataFrame"), Type.FRAME);
                        yield method(e, dot, "merge", "(" + other.code() + ", on='k')", "pandas.DataFrame", Type.FRAME)
                                .with(other.apis());
                    }
                    case 5 -> method(e, dot, "apply", "(lambda " + name() + ": " + numpy + ".sqrt(1))", "pandas.DataFrame",
                            Type.FRAME).with(Set.of("numpy.sqrt"));
                    case 6 -> method(e, dot, "groupby", "(" + pick(STRINGS) + ")", "pandas.DataFrame", Type.GROUPED);
                    case 7 -> method(e, dot, pick(List.of("sum", "mean", "max", "count")), "()", "pandas.DataFrame",
                            Type.SERIES);
                    case 8 -> e.then("[" + pick(STRINGS) + "]", Type.SERIES);
                    case 9 -> e.then("[['a', 'b']]", Type.FRAME);
                    case 10 -> e.then(dot + "values", Type.ARRAY, "pandas.DataFrame.values");
                    case 11 -> method(e, dot, "to_numpy", "()", "pandas.DataFrame", Type.ARRAY);
                    case 12 -> e.then(dot + "col" + between(0, 9), Type.SERIES);
                    default -> e.then(dot + "loc[" + between(0, 9) + "]", Type.GROUPED, "pandas.DataFrame.loc");
                };
                case GROUPED -> switch (between(0, 5)) {
                    case 0 -> method(e, dot, "agg", "(" + pick(STRINGS) + ")", "pandas.DataFrame", Type.FRAME);
                    case 1 -> method(e, dot, pick(List.of("sum", "mean")), "()", "pandas.DataFrame", Type.SERIES);
                    case 2 -> method(e, dot, "reset_index", "()", "pandas.DataFrame", Type.FRAME);
                    case 3 -> e.then("[" + pick(STRINGS) + "]", Type.GROUPED);
                    case 4 -> method(e, dot, "size", "()", "pandas.DataFrame", Type.NONE);
                    // Not a frame member: after a group only frame members are reported.
                    default -> e.then(dot + "nth(0)", Type.NONE);
                };
                case SERIES -> switch (between(0, 10)) {
                    case 0 -> method(e, dot, pick(List.of("abs", "cumsum")), "()", "pandas.Series", Type.SERIES);
                    case 1 -> method(e, dot, pick(List.of("round", "shift", "fillna")), "(" + between(0, 3) + ")",
                            "pandas.Series", Type.SERIES);
                    case 2 -> {
                        String method = pick(List.of("lower", "strip", "upper"));
                        yield e.then(dot + "str." + method + "()", Type.SERIES, "pandas.Series.str." + method);
                    }
                    case 3 -> e.then(dot + "dt.year", Type.NONE, "pandas.Series.dt.year");
                    case 4 -> method(e, dot, "map", "(" + numpy + ".sqrt)", "pandas.Series", Type.SERIES)
                            .with(Set.of("numpy.sqrt"));
                    case 5 -> method(e, dot, pick(List.of("to_numpy", "unique")), "()", "pandas.Series", Type.ARRAY);
                    case 6 -> e.then(dot + "values", Type.ARRAY, "pandas.Series.values");
                    case 7 -> method(e, dot, "to_frame", "()", "pandas.Series", Type.FRAME);
                    case 8 -> method(e, dot, pick(List.of("sum", "max", "tolist")), "()", "pandas.Series", Type.NONE);
                    default -> e.then("[" + between(0, 9) + "]", Type.SERIES);
                };
                case ARRAY -> switch (between(0, 6)) {
                    case 0 -> method(e, dot, pick(List.of("copy", "ravel", "cumsum", "sum", "max")), "()", "numpy.ndarray",
                            Type.ARRAY);
                    case 1 -> method(e, dot, "reshape", "(-1, 1)", "numpy.ndarray", Type.ARRAY);
                    case 2 -> method(e, dot, "astype", "(" + numpy + ".float32)", "numpy.ndarray", Type.ARRAY)
                            .with(Set.of("numpy.float32"));
                    case 3 -> e.then(dot + "T", Type.ARRAY, "numpy.ndarray.T");
                    case 4 -> e.then(chance(50) ? "[0]" : "[:, 1]", Type.ARRAY);
                    case 5 -> e.then(dot + "shape", Type.NONE, "numpy.ndarray.shape");
                    default -> method(e, dot, "tolist", "()", "numpy.ndarray", Type.NONE);
                };
                case MODEL -> switch (between(0, 2)) {
                    case 0 -> {
                        Expr x = arrayArgument(0);
                        yield method(e, dot, "fit", "(" + x.code() + ", [1, 2])", LINEAR_REGRESSION, Type.MODEL)
                                .with(x.apis());
                    }
                    case 1 -> method(e, dot, "predict", "([[1, 2]])", LINEAR_REGRESSION, Type.NONE);
                    default -> e.then(dot + "coef_", Type.NONE, LINEAR_REGRESSION + ".coef_");
                };
                case NONE -> e;
            };
        }

        /** {@code e.name(arguments)}, reporting {@code type.name}; arguments may break over lines and carry comments. */
        private Expr method(Expr e, String dot, String name, String arguments, String type, Type result) {
            String args = arguments;
            if (args.length() > 2 && chance(15)) {
                args = "(" + space() + comment().formatted("np") + "\n        " + args.substring(1);
            } else if (chance(10)) {
                args = " " + args;
            }
            return e.then(dot + name + args, result, type + "." + name);
        }

        // ---- randomness

        private String name() {
            String name = pick(STEMS) + fresh++;
            return claim(name);
        }

        private String claim(String name) {
            used.add(name);
            return name;
        }

        private String comment() {
            return pick(COMMENTS);
        }

        private String space() {
            return pick(List.of("", "", " ", "  "));
        }

        private boolean chance(int percent) {
            return between(0, 99) < percent;
        }

        private int between(int min, int max) {
            return (int) random.next(Constraint.between(min, max));
        }

        private <T> T pick(List<T> options) {
            return options.get(between(0, options.size() - 1));
        }

        private <T> void shuffle(List<T> list) {
            for (int i = list.size() - 1; i > 0; i--) {
                int j = between(0, i);
                T t = list.get(i);
                list.set(i, list.get(j));
                list.set(j, t);
            }
        }
    }
}
