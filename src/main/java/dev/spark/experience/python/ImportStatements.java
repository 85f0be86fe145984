package dev.spark.experience.python;

import dev.spark.experience.python.PythonTokens.Kind;
import dev.spark.experience.python.PythonTokens.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds {@code import a.b [as c], ...} and {@code from a.b import c [as d], ...} statements read from tokens.
 * Parts that are not exactly that shape (garbage, relative or star imports) bind nothing.
 */
final class ImportStatements {

    private ImportStatements() {
    }

    /** Whether the statement starting at {@code start} is an import. */
    static boolean isImport(TokenList tokens, int start) {
        return tokens.isName(start, "import") || tokens.isName(start, "from");
    }

    /** Binds the names imported by the statement in {@code [start, end)}. */
    static void bind(TokenList tokens, int start, int end, Bindings bindings) {
        if (tokens.isName(start, "import")) {
            for (List<Token> part : split(tokens, start + 1, end)) {
                int nameEnd = dottedEnd(part);
                String alias = alias(part, nameEnd);
                if (nameEnd < 0 || (alias == null && nameEnd != part.size())) {
                    continue;
                }
                String module = joined(part, nameEnd);
                if (alias != null) {
                    bindings.bindModule(alias, module);
                } else {
                    bindings.bindModule(Dotted.root(module), Dotted.root(module));
                }
            }
            return;
        }
        int importAt = -1;
        for (int i = start + 1; i < end; i++) {
            if (tokens.isName(i, "import")) {
                importAt = i;
                break;
            }
        }
        if (importAt < 0) {
            return;
        }
        List<Token> from = new ArrayList<>();
        for (int i = start + 1; i < importAt; i++) {
            from.add(tokens.get(i));
        }
        if (dottedEnd(from) != from.size()) {
            return;
        }
        String module = joined(from, from.size());
        for (List<Token> part : split(tokens, importAt + 1, end)) {
            String alias = alias(part, 1);
            if (part.isEmpty() || part.get(0).kind() != Kind.NAME || (alias == null && part.size() != 1)) {
                continue;
            }
            String name = part.get(0).text();
            bindings.bindModule(alias != null ? alias : name, module + "." + name);
        }
    }

    /** The comma-separated parts of an import list, without parentheses. */
    private static List<List<Token>> split(TokenList tokens, int start, int end) {
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
}
