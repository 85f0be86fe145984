package dev.spark.experience.python;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSSymbolType;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * A copy of a tree-sitter syntax tree in plain arrays, named nodes only. Each node crossing the JNI boundary is
 * expensive, so the tree is read once with a cursor and analysed in Java.
 */
final class SyntaxTree {

    /** The node kinds the analysis tells apart; everything else is {@link #OTHER}. */
    enum Kind {
        MODULE, IMPORT_STATEMENT, IMPORT_FROM_STATEMENT, ALIASED_IMPORT, DOTTED_NAME, IDENTIFIER, ATTRIBUTE, CALL,
        ARGUMENT_LIST, KEYWORD_ARGUMENT, SUBSCRIPT, STRING, CONCATENATED_STRING, ASSIGNMENT, AUGMENTED_ASSIGNMENT,
        PATTERN_LIST, TUPLE_PATTERN, LIST_PATTERN, TUPLE, LIST, PARENTHESIZED_EXPRESSION, BINARY_OPERATOR,
        COMPARISON_OPERATOR, FUNCTION_DEFINITION, PARAMETERS, LAMBDA_PARAMETERS, DEFAULT_PARAMETER,
        TYPED_DEFAULT_PARAMETER, TYPED_PARAMETER, LIST_SPLAT_PATTERN, DICTIONARY_SPLAT_PATTERN, CLASS_DEFINITION,
        COMMENT, ERROR, OTHER
    }

    /** The fields the analysis reads; everything else is {@link #NONE}. */
    enum Field { NONE, NAME, ALIAS, MODULE_NAME, LEFT, RIGHT, FUNCTION, ARGUMENTS, OBJECT, ATTRIBUTE, VALUE, SUBSCRIPT,
        PARAMETERS, BODY, SUPERCLASSES, TYPE, RETURN_TYPE }

    /** Symbol and field numbers of one grammar mapped to kinds, computed once per language. */
    static final class Grammar {

        /** tree-sitter's symbol for error nodes, (TSSymbol) -1. */
        private static final int ERROR_SYMBOL = 65535;

        private final Kind[] kinds;
        private final boolean[] named;
        private final Field[] fields;

        Grammar(TSLanguage language) {
            Map<String, Kind> byName = new HashMap<>();
            for (Kind kind : Kind.values()) {
                byName.put(kind.name().toLowerCase(Locale.ROOT), kind);
            }
            int symbols = language.symbolCount();
            kinds = new Kind[symbols];
            named = new boolean[symbols];
            for (int s = 0; s < symbols; s++) {
                String name = language.symbolName(s);
                kinds[s] = name == null ? Kind.OTHER : byName.getOrDefault(name, Kind.OTHER);
                named[s] = language.symbolType(s) == TSSymbolType.TSSymbolTypeRegular;
            }
            int count = language.fieldCount();
            fields = new Field[count + 1];
            Arrays.fill(fields, Field.NONE);
            for (int f = 1; f <= count; f++) {
                String name = language.fieldNameForId(f);
                for (Field field : Field.values()) {
                    if (field.name().toLowerCase(Locale.ROOT).equals(name)) {
                        fields[f] = field;
                    }
                }
            }
        }

        Kind kind(int symbol) {
            if (symbol == ERROR_SYMBOL) {
                return Kind.ERROR;
            }
            return symbol >= 0 && symbol < kinds.length ? kinds[symbol] : Kind.OTHER;
        }

        boolean named(int symbol) {
            return symbol == ERROR_SYMBOL || (symbol >= 0 && symbol < named.length && named[symbol]);
        }

        Field field(int id) {
            return id > 0 && id < fields.length ? fields[id] : Field.NONE;
        }
    }

    private final String source;
    private final int[] charAt;
    private Kind[] kind = new Kind[64];
    private Field[] field = new Field[64];
    private int[] start = new int[64];
    private int[] end = new int[64];
    private int[] parent = new int[64];
    private int[] firstChild = new int[64];
    private int[] lastChild = new int[64];
    private int[] nextSibling = new int[64];
    private int size;

    private SyntaxTree(String source) {
        this.source = source;
        this.charAt = modifiedUtf8Offsets(source);
    }

    /** Copies {@code tree}, parsed from {@code source}; node 0 is the root. */
    static SyntaxTree of(TSTree tree, String source, Grammar grammar) {
        SyntaxTree copy = new SyntaxTree(source);
        TSTreeCursor cursor = new TSTreeCursor(tree.getRootNode());
        int node = copy.add(cursor, -1, grammar);
        // node is the latest named node that is an ancestor-or-self of the cursor's position
        int[] namedAt = new int[16];
        int depth = 0;
        namedAt[0] = node;
        while (true) {
            if (cursor.gotoFirstChild()) {
                depth++;
            } else {
                while (!cursor.gotoNextSibling()) {
                    if (!cursor.gotoParent()) {
                        return copy;
                    }
                    depth--;
                }
            }
            if (depth >= namedAt.length) {
                namedAt = Arrays.copyOf(namedAt, namedAt.length * 2);
            }
            int parentNode = namedAt[depth - 1];
            int added = copy.add(cursor, parentNode, grammar);
            namedAt[depth] = added >= 0 ? added : parentNode;
        }
    }

    private int add(TSTreeCursor cursor, int parentNode, Grammar grammar) {
        TSNode node = cursor.currentNode();
        int symbol = node.getSymbol();
        if (parentNode >= 0 && !grammar.named(symbol)) {
            return -1;
        }
        if (size == kind.length) {
            grow();
        }
        int i = size++;
        kind[i] = grammar.kind(symbol);
        field[i] = grammar.field(cursor.currentFieldId());
        if (kind[i] == Kind.IDENTIFIER) {
            start[i] = node.getStartByte();
            end[i] = node.getEndByte();
        }
        parent[i] = parentNode;
        firstChild[i] = -1;
        lastChild[i] = -1;
        nextSibling[i] = -1;
        if (parentNode >= 0) {
            if (lastChild[parentNode] < 0) {
                firstChild[parentNode] = i;
            } else {
                nextSibling[lastChild[parentNode]] = i;
            }
            lastChild[parentNode] = i;
        }
        return i;
    }

    private void grow() {
        int n = kind.length * 2;
        kind = Arrays.copyOf(kind, n);
        field = Arrays.copyOf(field, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        parent = Arrays.copyOf(parent, n);
        firstChild = Arrays.copyOf(firstChild, n);
        lastChild = Arrays.copyOf(lastChild, n);
        nextSibling = Arrays.copyOf(nextSibling, n);
    }

    int size() {
        return size;
    }

    Kind kind(int node) {
        return kind[node];
    }

    Field field(int node) {
        return field[node];
    }

    int parent(int node) {
        return parent[node];
    }

    int firstChild(int node) {
        return firstChild[node];
    }

    int nextSibling(int node) {
        return nextSibling[node];
    }

    /** The first child of {@code node} in {@code wanted}, or -1. */
    int child(int node, Field wanted) {
        for (int c = firstChild[node]; c >= 0; c = nextSibling[c]) {
            if (field[c] == wanted) {
                return c;
            }
        }
        return -1;
    }

    /** The text of an identifier. */
    String text(int node) {
        return source.substring(charAt[start[node]], charAt[end[node]]);
    }

    /** The dotted text of a {@code dotted_name} (or identifier), rebuilt from its identifiers. */
    String dotted(int node) {
        if (kind[node] == Kind.IDENTIFIER) {
            return text(node);
        }
        StringBuilder name = new StringBuilder();
        for (int c = firstChild[node]; c >= 0; c = nextSibling[c]) {
            if (kind[c] == Kind.IDENTIFIER) {
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(text(c));
            }
        }
        return name.toString();
    }

    /**
     * For each byte offset of the source as the binding hands it to tree-sitter (JNI's modified UTF-8), the
     * index of the char it belongs to.
     */
    private static int[] modifiedUtf8Offsets(String source) {
        int bytes = 0;
        for (int i = 0; i < source.length(); i++) {
            bytes += width(source.charAt(i));
        }
        int[] offsets = new int[bytes + 1];
        int b = 0;
        for (int i = 0; i < source.length(); i++) {
            int w = width(source.charAt(i));
            for (int k = 0; k < w; k++) {
                offsets[b++] = i;
            }
        }
        offsets[bytes] = source.length();
        return offsets;
    }

    private static int width(char c) {
        if (c != 0 && c < 0x80) {
            return 1;
        }
        return c < 0x800 ? 2 : 3;
    }
}
