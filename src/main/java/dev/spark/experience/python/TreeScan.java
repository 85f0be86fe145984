package dev.spark.experience.python;

import dev.spark.experience.python.ApiTables.Unpack;
import dev.spark.experience.python.SyntaxTree.Field;
import dev.spark.experience.python.SyntaxTree.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of {@link TokenScan} applied to a syntax tree: imports bind names, assignments type variables, and
 * every expression is evaluated for the APIs it touches. One instance per input.
 */
final class TreeScan {

    /** No API name is this long; the bound keeps pathological attribute chains linear. */
    private static final int MAX_NAME = 300;

    private final SyntaxTree tree;
    private final ApiTables tables;
    private final Bindings bindings;
    private final TypeInference types;

    TreeScan(SyntaxTree tree, ApiTables tables, Collection<String> hints) {
        this.tree = tree;
        this.tables = tables;
        this.bindings = new Bindings(tables);
        this.types = new TypeInference(tables);
        bindings.hints(hints);
    }

    Set<String> run() {
        findLibrariesInPlay();
        eval(0, false);
        return types.found();
    }

    private void findLibrariesInPlay() {
        for (int n = 0; n < tree.size(); n++) {
            Kind kind = tree.kind(n);
            if (kind == Kind.IMPORT_STATEMENT) {
                for (int c = tree.firstChild(n); c >= 0; c = tree.nextSibling(c)) {
                    int module = tree.kind(c) == Kind.ALIASED_IMPORT ? tree.child(c, Field.NAME) : c;
                    if (module >= 0 && tree.kind(module) == Kind.DOTTED_NAME) {
                        bindings.inPlay(Dotted.root(tree.dotted(module)));
                    }
                }
            } else if (kind == Kind.IMPORT_FROM_STATEMENT) {
                int module = tree.child(n, Field.MODULE_NAME);
                if (module >= 0 && tree.kind(module) == Kind.DOTTED_NAME) {
                    bindings.inPlay(Dotted.root(tree.dotted(module)));
                }
            } else if (kind == Kind.IDENTIFIER && tree.field(n) == Field.OBJECT) {
                bindings.libraryShownBy(tree.text(n)).ifPresent(bindings::inPlay);
            }
        }
    }

    /**
     * Evaluates node n, reporting the APIs in it. {@code continued} says that the parent goes on with the chain
     * (n is the object of an attribute or the function of a call), so a module path reached here is not reported
     * yet.
     */
    private Value eval(int n, boolean continued) {
        switch (tree.kind(n)) {
            case IDENTIFIER:
                return bindings.resolve(tree.text(n));
            case ATTRIBUTE:
                return attribute(n, continued);
            case CALL:
                return call(n);
            case SUBSCRIPT:
                return subscript(n);
            case STRING:
            case CONCATENATED_STRING:
            case COMMENT:
                return Value.NOTHING;
            case IMPORT_STATEMENT:
            case IMPORT_FROM_STATEMENT:
                importStatement(n);
                return Value.NOTHING;
            case ASSIGNMENT:
                assignment(n);
                return Value.NOTHING;
            case BINARY_OPERATOR:
            case COMPARISON_OPERATOR: {
                // x = np.arange(3) * 2 still makes an array.
                Value left = Value.NOTHING;
                for (int c = tree.firstChild(n); c >= 0; c = tree.nextSibling(c)) {
                    Value v = eval(c, false);
                    if (c == tree.firstChild(n)) {
                        left = v;
                    }
                }
                return left;
            }
            case PARENTHESIZED_EXPRESSION: {
                int inner = tree.firstChild(n);
                Value value = Value.NOTHING;
                for (int c = inner; c >= 0; c = tree.nextSibling(c)) {
                    value = eval(c, false);
                }
                return tree.nextSibling(inner) < 0 ? value : Value.NOTHING;
            }
            case KEYWORD_ARGUMENT: {
                int value = tree.child(n, Field.VALUE);
                if (value >= 0) {
                    eval(value, false);
                }
                return Value.NOTHING;
            }
            case FUNCTION_DEFINITION:
                function(n);
                return Value.NOTHING;
            case CLASS_DEFINITION:
                for (int c = tree.firstChild(n); c >= 0; c = tree.nextSibling(c)) {
                    if (tree.field(c) != Field.NAME) {
                        eval(c, false);
                    }
                }
                return Value.NOTHING;
            case LAMBDA_PARAMETERS:
                return Value.NOTHING;
            default:
                for (int c = tree.firstChild(n); c >= 0; c = tree.nextSibling(c)) {
                    eval(c, false);
                }
                return Value.NOTHING;
        }
    }

    private Value attribute(int n, boolean continued) {
        int object = tree.child(n, Field.OBJECT);
        int name = tree.child(n, Field.ATTRIBUTE);
        if (object < 0 || name < 0) {
            return Value.NOTHING;
        }
        Value receiver = eval(object, true);
        String attribute = tree.text(name);
        Value value;
        if (receiver.isPath()) {
            if (receiver.name().length() > MAX_NAME) {
                return Value.NOTHING;
            }
            value = Value.path(receiver.name() + "." + attribute);
        } else {
            value = types.member(receiver, attribute, false);
        }
        if (value.isPath() && !continued) {
            types.report(value.name());
        }
        return value;
    }

    private Value call(int n) {
        int function = tree.child(n, Field.FUNCTION);
        Value result = Value.NOTHING;
        if (function >= 0) {
            int object = tree.kind(function) == Kind.ATTRIBUTE ? tree.child(function, Field.OBJECT) : -1;
            int name = object >= 0 ? tree.child(function, Field.ATTRIBUTE) : -1;
            if (name >= 0) {
                Value receiver = eval(object, true);
                String attribute = tree.text(name);
                result = receiver.isPath()
                        ? types.call(Value.path(receiver.name() + "." + attribute))
                        : types.member(receiver, attribute, true);
            } else {
                result = types.call(eval(function, true));
            }
        }
        for (int c = tree.firstChild(n); c >= 0; c = tree.nextSibling(c)) {
            if (c != function) {
                eval(c, false);
            }
        }
        return result;
    }

    private Value subscript(int n) {
        int value = tree.child(n, Field.VALUE);
        Value receiver = value >= 0 ? eval(value, false) : Value.NOTHING;
        int keys = 0;
        boolean string = false;
        for (int c = tree.firstChild(n); c >= 0; c = tree.nextSibling(c)) {
            if (c != value && tree.kind(c) != Kind.COMMENT) {
                keys++;
                string = tree.kind(c) == Kind.STRING;
                eval(c, false);
            }
        }
        return types.subscript(receiver, keys == 1 && string);
    }

    // ---- statements

    private void importStatement(int n) {
        if (tree.kind(n) == Kind.IMPORT_STATEMENT) {
            for (int c = tree.firstChild(n); c >= 0; c = tree.nextSibling(c)) {
                if (tree.kind(c) == Kind.DOTTED_NAME) {
                    String root = Dotted.root(tree.dotted(c));
                    bindings.bindModule(root, root);
                } else if (tree.kind(c) == Kind.ALIASED_IMPORT) {
                    int name = tree.child(c, Field.NAME);
                    int alias = tree.child(c, Field.ALIAS);
                    if (name >= 0 && alias >= 0) {
                        bindings.bindModule(tree.text(alias), tree.dotted(name));
                    }
                }
            }
            return;
        }
        int module = tree.child(n, Field.MODULE_NAME);
        if (module < 0 || tree.kind(module) != Kind.DOTTED_NAME) {
            return;
        }
        String from = tree.dotted(module);
        for (int c = tree.firstChild(n); c >= 0; c = tree.nextSibling(c)) {
            if (c == module) {
                continue;
            }
            if (tree.kind(c) == Kind.DOTTED_NAME) {
                String name = tree.dotted(c);
                bindings.bindModule(name, from + "." + name);
            } else if (tree.kind(c) == Kind.ALIASED_IMPORT) {
                int name = tree.child(c, Field.NAME);
                int alias = tree.child(c, Field.ALIAS);
                if (name >= 0 && alias >= 0) {
                    bindings.bindModule(tree.text(alias), from + "." + tree.dotted(name));
                }
            }
        }
    }

    /** {@code a = b = value}: targets are bound after the value is evaluated. */
    private Value assignment(int n) {
        int left = tree.child(n, Field.LEFT);
        int right = tree.child(n, Field.RIGHT);
        int type = tree.child(n, Field.TYPE);
        if (type >= 0) {
            eval(type, false);
        }
        if (right < 0) {
            return Value.NOTHING;
        }
        Value value = tree.kind(right) == Kind.ASSIGNMENT ? assignment(right) : eval(right, false);
        if (left >= 0) {
            bindTargets(left, value, unpackOf(right));
        }
        return value;
    }

    private void bindTargets(int target, Value value, Optional<Unpack> unpack) {
        switch (tree.kind(target)) {
            case IDENTIFIER -> bindings.bind(tree.text(target), value);
            case PATTERN_LIST, TUPLE_PATTERN, LIST_PATTERN, TUPLE, LIST, PARENTHESIZED_EXPRESSION -> {
                List<Integer> names = new ArrayList<>();
                names(target, names);
                for (int i = 0; i < names.size(); i++) {
                    String name = tree.text(names.get(i));
                    if (unpack.isPresent() && i == 0 && tree.parent(names.get(i)) == target) {
                        bindings.bind(name, Value.instance(unpack.get().first()));
                    } else if (unpack.isPresent() && unpack.get().restName().matcher(name).matches()) {
                        bindings.bind(name, Value.instance(unpack.get().rest()));
                    } else {
                        bindings.bind(name, null);
                    }
                }
            }
            default -> eval(target, false);
        }
    }

    /** The names bound by a tuple target; attributes and subscripts in it are evaluated instead. */
    private void names(int target, List<Integer> names) {
        for (int c = tree.firstChild(target); c >= 0; c = tree.nextSibling(c)) {
            switch (tree.kind(c)) {
                case IDENTIFIER -> names.add(c);
                case PATTERN_LIST, TUPLE_PATTERN, LIST_PATTERN, TUPLE, LIST, PARENTHESIZED_EXPRESSION -> names(c, names);
                default -> eval(c, false);
            }
        }
    }

    /** The unpacking rule of a call such as {@code plt.subplots(...)}, if it has one. */
    private Optional<Unpack> unpackOf(int right) {
        if (tree.kind(right) != Kind.CALL) {
            return Optional.empty();
        }
        int function = tree.child(right, Field.FUNCTION);
        StringBuilder path = new StringBuilder();
        int n = function;
        List<String> attributes = new ArrayList<>();
        while (n >= 0 && tree.kind(n) == Kind.ATTRIBUTE) {
            int name = tree.child(n, Field.ATTRIBUTE);
            if (name < 0) {
                return Optional.empty();
            }
            attributes.add(0, tree.text(name));
            n = tree.child(n, Field.OBJECT);
        }
        if (n < 0 || tree.kind(n) != Kind.IDENTIFIER) {
            return Optional.empty();
        }
        Value root = bindings.resolve(tree.text(n));
        if (!root.isPath()) {
            return Optional.empty();
        }
        path.append(root.name());
        attributes.forEach(a -> path.append('.').append(a));
        return tables.unpack(path.toString());
    }

    /**
     * Parameters hide what their names meant outside; a default that is a typed variable, as in
     * {@code def f(a=example_a)}, gives the parameter its type. Defaults and annotations are evaluated first.
     */
    private void function(int n) {
        int parameters = tree.child(n, Field.PARAMETERS);
        List<Runnable> binds = new ArrayList<>();
        if (parameters >= 0) {
            for (int p = tree.firstChild(parameters); p >= 0; p = tree.nextSibling(p)) {
                parameter(p, binds);
            }
        }
        binds.forEach(Runnable::run);
        for (int c = tree.firstChild(n); c >= 0; c = tree.nextSibling(c)) {
            if (c != parameters && tree.field(c) != Field.NAME) {
                eval(c, false);
            }
        }
    }

    private void parameter(int p, List<Runnable> binds) {
        switch (tree.kind(p)) {
            case IDENTIFIER -> {
                String name = tree.text(p);
                binds.add(() -> bindings.hideAlias(name));
            }
            case DEFAULT_PARAMETER, TYPED_DEFAULT_PARAMETER -> {
                int name = tree.child(p, Field.NAME);
                int value = tree.child(p, Field.VALUE);
                int type = tree.child(p, Field.TYPE);
                if (type >= 0) {
                    eval(type, false);
                }
                Value given = value >= 0 ? eval(value, false) : Value.NOTHING;
                boolean typed = value >= 0 && tree.kind(value) == Kind.IDENTIFIER && given.isInstance();
                if (name >= 0 && tree.kind(name) == Kind.IDENTIFIER) {
                    String text = tree.text(name);
                    binds.add(typed ? () -> bindings.bind(text, given) : () -> bindings.hideAlias(text));
                }
            }
            case TYPED_PARAMETER, LIST_SPLAT_PATTERN, DICTIONARY_SPLAT_PATTERN -> {
                for (int c = tree.firstChild(p); c >= 0; c = tree.nextSibling(c)) {
                    if (tree.kind(c) == Kind.IDENTIFIER && tree.field(c) != Field.TYPE) {
                        String name = tree.text(c);
                        binds.add(() -> bindings.hideAlias(name));
                    } else {
                        eval(c, false);
                    }
                }
            }
            default -> eval(p, false);
        }
    }
}
