package dev.spark.experience.python;

import dev.spark.experience.python.ApiTables.Unpack;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over the tokens of one input, statement by statement: imports bind names, assignments type
 * variables, and every expression chain {@code name(.attr | (args) | [index])*} is walked for the APIs it
 * touches. All mutable state of an extraction lives here.
 */
final class TokenScan {

    private static final Set<String> COMPOUND = Set.of(
            "if", "elif", "else", "for", "while", "try", "except", "finally", "with", "def", "class", "async");

    private static final Set<String> BINARY = Set.of(
            "+", "-", "*", "/", "//", "%", "**", "@", "&", "|", "^", "<", ">", "<=", ">=", "==", "!=");

    /** No API name is this long; the bound keeps pathological attribute chains linear. */
    private static final int MAX_NAME = 300;

    /** The end of an expression chain and what it evaluates to. */
    private record Chain(int end, Value value) {
    }

    private final TokenList tokens;
    private final Bindings bindings;
    private final TypeInference types;
    private final ApiTables tables;

    TokenScan(TokenList tokens, ApiTables tables, Collection<String> hints) {
        this.tokens = tokens;
        this.tables = tables;
        this.bindings = new Bindings(tables);
        this.types = new TypeInference(tables);
        bindings.hints(hints);
    }

    Set<String> run() {
        findLibrariesInPlay();
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.isEnd(i)) {
                statement(start, i);
                start = i + 1;
            }
        }
        return types.found();
    }

    /** Conventions such as {@code df} apply only when their library is imported, used through an alias, or hinted. */
    private void findLibrariesInPlay() {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.isName(i)) {
                continue;
            }
            if ((tokens.isName(i, "import") || tokens.isName(i, "from")) && tokens.isName(i + 1)) {
                bindings.inPlay(Dotted.root(tokens.text(i + 1)));
            } else if (tokens.op(i + 1, ".") && !tokens.op(i - 1, ".")) {
                bindings.libraryShownBy(tokens.text(i)).ifPresent(bindings::inPlay);
            }
        }
    }

    private void statement(int start, int end) {
        if (start >= end) {
            return;
        }
        if (ImportStatements.isImport(tokens, start)) {
            ImportStatements.bind(tokens, start, end, bindings);
            return;
        }
        Map<Integer, Chain> chains = new HashMap<>();
        for (int i = start; i < end; i++) {
            if (isChainStart(i, end)) {
                chains.put(i, chain(i, end));
            }
        }
        if (tokens.isName(start, "def")) {
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
        if (!tokens.op(open, "(") || tokens.closing(open) < 0) {
            return;
        }
        int close = tokens.closing(open);
        int i = open + 1;
        while (i < close) {
            if (tokens.isName(i)) {
                String name = tokens.text(i);
                Value value = null;
                int next = i + 1;
                while (next < close && !tokens.op(next, ",") && !tokens.op(next, "=")) {
                    next = tokens.opensGroup(next) ? tokens.closing(next) + 1 : next + 1;
                }
                if (tokens.op(next, "=") && next + 1 < close && tokens.isName(next + 1)
                        && (tokens.op(next + 2, ",") || next + 2 == close)) {
                    Value given = bindings.resolve(tokens.text(next + 1));
                    value = given.isInstance() ? given : null;
                }
                if (value != null) {
                    bindings.bind(name, value);
                } else {
                    bindings.hideAlias(name);
                }
                i = next;
            }
            while (i < close && !tokens.op(i, ",")) {
                i = tokens.opensGroup(i) ? tokens.closing(i) + 1 : i + 1;
            }
            i++;
        }
    }

    private boolean isChainStart(int i, int end) {
        if (!tokens.isName(i) || tokens.op(i - 1, ".")) {
            return false;
        }
        if (tokens.isName(i - 1, "def") || tokens.isName(i - 1, "class")) {
            return false;
        }
        // A keyword argument's name, as in f(index=...), is not a reference to anything.
        return !(i + 1 < end && tokens.op(i + 1, "=") && tokens.depth(i) > 0);
    }

    // ---- assignments

    private void assignment(int start, int end, Map<Integer, Chain> chains) {
        int body = start;
        if (tokens.isName(start) && COMPOUND.contains(tokens.text(start))) {
            body = topLevel(start, end, ":");
            if (body < 0) {
                return;
            }
            body++;
        }
        int lastEquals = -1;
        for (int i = body; i < end; i++) {
            if (tokens.op(i, "=")) {
                lastEquals = i;
            } else if (tokens.opensGroup(i)) {
                i = tokens.closing(i);
            }
        }
        if (lastEquals < 0 || lastEquals + 1 >= end) {
            return;
        }
        int rhs = lastEquals + 1;
        Chain chain = chains.get(rhs);
        // x = np.array(...) * 2 still makes an array; x = f(...) if c else g(...) or a tuple does not.
        Value value = chain != null && (chain.end() >= end || tokens.get(chain.end()).kind() == PythonTokens.Kind.OP
                && BINARY.contains(tokens.text(chain.end()))) ? chain.value() : null;
        int targetStart = body;
        for (int i = body; i <= lastEquals; i++) {
            if (tokens.op(i, "=")) {
                bindTargets(targetStart, i, value, rhs);
                targetStart = i + 1;
            } else if (tokens.opensGroup(i)) {
                i = tokens.closing(i);
            }
        }
    }

    private void bindTargets(int start, int end, Value value, int rhs) {
        if (end - start == 1 && tokens.isName(start)) {
            bindings.bind(tokens.text(start), value);
            return;
        }
        Optional<Unpack> unpack = pathAt(rhs).flatMap(tables::unpack);
        for (int i = start; i < end; i++) {
            if (tokens.op(i, "[") && tokens.opensGroup(i)) {
                i = tokens.closing(i);
            } else if (tokens.isName(i) && !tokens.op(i - 1, ".") && !tokens.op(i + 1, ".") && !tokens.op(i + 1, "[")) {
                String name = tokens.text(i);
                if (unpack.isPresent() && i == start) {
                    bindings.bind(name, Value.instance(unpack.get().first()));
                } else if (unpack.isPresent() && unpack.get().restName().matcher(name).matches()) {
                    bindings.bind(name, Value.instance(unpack.get().rest()));
                } else {
                    bindings.bind(name, null);
                }
            }
        }
    }

    /** The module path of a call at i such as {@code plt.subplots(...)}, if i starts one. */
    private Optional<String> pathAt(int i) {
        if (!tokens.isName(i)) {
            return Optional.empty();
        }
        Value root = bindings.resolve(tokens.text(i));
        if (!root.isPath()) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder(root.name());
        int j = i + 1;
        while (tokens.op(j, ".") && tokens.isName(j + 1)) {
            path.append('.').append(tokens.text(j + 1));
            j += 2;
        }
        return Optional.of(path.toString());
    }

    private int topLevel(int start, int end, String op) {
        for (int i = start; i < end; i++) {
            if (tokens.op(i, op)) {
                return i;
            }
            if (tokens.opensGroup(i)) {
                i = tokens.closing(i);
            }
        }
        return -1;
    }

    // ---- chains

    /**
     * Walks {@code name(.attr | (args) | [index])*} from {@code start}, reporting APIs on the way. A path is
     * reported when called, or when the chain leaves it after reaching it through an attribute.
     */
    private Chain chain(int start, int end) {
        Value value = bindings.resolve(tokens.text(start));
        boolean viaAttribute = false;
        int i = start + 1;
        while (i < end) {
            if (tokens.op(i, ".") && i + 1 < end && tokens.isName(i + 1)) {
                String attribute = tokens.text(i + 1);
                boolean called = tokens.op(i + 2, "(") && tokens.opensGroup(i + 2);
                i += 2;
                if (value.isPath()) {
                    if (value.name().length() > MAX_NAME) {
                        return new Chain(i, Value.NOTHING);
                    }
                    value = Value.path(value.name() + "." + attribute);
                    viaAttribute = true;
                    continue;
                }
                value = types.member(value, attribute, called);
                if (called) {
                    i = tokens.closing(i) + 1;
                }
                viaAttribute = value.isPath();
            } else if (tokens.op(i, "(") && tokens.opensGroup(i)) {
                value = types.call(value);
                viaAttribute = false;
                i = tokens.closing(i) + 1;
            } else if (tokens.op(i, "[") && tokens.opensGroup(i)) {
                if (value.isPath() && viaAttribute) {
                    types.report(value.name());
                }
                value = types.subscript(value, tokens.closing(i) == i + 2 && tokens.isString(i + 1));
                viaAttribute = false;
                i = tokens.closing(i) + 1;
            } else {
                break;
            }
        }
        if (value.isPath() && viaAttribute) {
            types.report(value.name());
        }
        return new Chain(i, value);
    }
}
