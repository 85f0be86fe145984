package dev.spark.experience.python;

import java.util.ArrayList;
import java.util.List;

/**
 * A forgiving Python tokenizer: enough to find names, brackets and statement ends in code that may be a
 * fragment, Python 2, or not Python at all. String literals become {@link Kind#STRING} tokens without their text
 * and comments are dropped, so nothing quoted or commented out is ever mistaken for code.
 */
final class PythonTokens {

    enum Kind { NAME, NUMBER, STRING, OP, END }

    record Token(Kind kind, String text) {

        boolean is(String op) {
            return kind == Kind.OP && text.equals(op);
        }
    }

    private static final String[] OPERATORS = {
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="};

    private static final Token END = new Token(Kind.END, "");

    private PythonTokens() {
    }

    /**
     * The tokens of {@code code}; a logical line or a {@code ;} ends with an {@link Kind#END} token, newlines
     * inside brackets and after a backslash do not.
     */
    static List<Token> of(String code) {
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\n' || c == '\r') {
                if (depth == 0) {
                    end(tokens);
                }
                i++;
            } else if (c == '\\' && i + 1 < n && (code.charAt(i + 1) == '\n' || code.charAt(i + 1) == '\r')) {
                i += 2;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < n && code.charAt(i) != '\n' && code.charAt(i) != '\r') {
                    i++;
                }
            } else if (stringStart(code, i) >= 0) {
                i = skipString(code, stringStart(code, i));
                tokens.add(new Token(Kind.STRING, ""));
            } else if (isNameStart(c)) {
                int start = i;
                while (i < n && isNamePart(code.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, code.substring(start, i)));
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(code.charAt(i + 1)))) {
                int start = i;
                while (i < n) {
                    char d = code.charAt(i);
                    boolean exponentSign = (d == '+' || d == '-') && (code.charAt(i - 1) == 'e' || code.charAt(i - 1) == 'E')
                            && !code.substring(start, i).toLowerCase().startsWith("0x");
                    if (isNamePart(d) || d == '.' || exponentSign) {
                        i++;
                    } else {
                        break;
                    }
                }
                tokens.add(new Token(Kind.NUMBER, code.substring(start, i)));
            } else {
                String op = operator(code, i);
                i += op.length();
                if (op.equals(";")) {
                    end(tokens);
                    continue;
                }
                if (op.equals("(") || op.equals("[") || op.equals("{")) {
                    depth++;
                } else if ((op.equals(")") || op.equals("]") || op.equals("}")) && depth > 0) {
                    depth--;
                }
                tokens.add(new Token(Kind.OP, op));
            }
        }
        end(tokens);
        return tokens;
    }

    private static void end(List<Token> tokens) {
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.END) {
            tokens.add(END);
        }
    }

    private static String operator(String code, int i) {
        for (String op : OPERATORS) {
            if (code.startsWith(op, i)) {
                return op;
            }
        }
        return String.valueOf(code.charAt(i));
    }

    /** Index of the opening quote if a string literal (with an optional r/b/u/f prefix) starts at i, else -1. */
    private static int stringStart(String code, int i) {
        int j = i;
        while (j < code.length() && j - i < 2 && "rRbBuUfF".indexOf(code.charAt(j)) >= 0) {
            j++;
        }
        if (j < code.length() && (code.charAt(j) == '\'' || code.charAt(j) == '"')) {
            // A prefix only counts when it is not the tail of a longer name (as in "buf'").
            return j == i || i == 0 || !isNamePart(code.charAt(i - 1)) ? j : -1;
        }
        return -1;
    }

    /** Index just past the string literal opening at {@code quote}; unterminated strings end at the line or input end. */
    private static int skipString(String code, int quote) {
        char q = code.charAt(quote);
        int n = code.length();
        boolean triple = quote + 2 < n && code.charAt(quote + 1) == q && code.charAt(quote + 2) == q;
        int i = quote + (triple ? 3 : 1);
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == q && (!triple || (i + 2 < n && code.charAt(i + 1) == q && code.charAt(i + 2) == q))) {
                return i + (triple ? 3 : 1);
            } else if (!triple && (c == '\n' || c == '\r')) {
                return i;
            } else {
                i++;
            }
        }
        return n;
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
