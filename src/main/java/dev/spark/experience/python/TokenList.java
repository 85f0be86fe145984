package dev.spark.experience.python;

import dev.spark.experience.python.PythonTokens.Kind;
import dev.spark.experience.python.PythonTokens.Token;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** The tokens of one input with their brackets matched, so that a scan can step over a whole bracketed group. */
final class TokenList {

    private final List<Token> tokens;
    private final int[] match;
    private final int[] depth;

    private TokenList(List<Token> tokens) {
        this.tokens = tokens;
        this.match = new int[tokens.size()];
        this.depth = new int[tokens.size()];
        matchBrackets();
    }

    static TokenList of(String code) {
        return new TokenList(PythonTokens.of(code));
    }

    int size() {
        return tokens.size();
    }

    Token get(int i) {
        return tokens.get(i);
    }

    String text(int i) {
        return tokens.get(i).text();
    }

    /** Whether token i exists and is the operator {@code op}. */
    boolean op(int i, String op) {
        return i >= 0 && i < tokens.size() && tokens.get(i).is(op);
    }

    /** Whether token i exists and is a name (keywords included). */
    boolean isName(int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == Kind.NAME;
    }

    /** Whether token i is the name or keyword {@code word}. */
    boolean isName(int i, String word) {
        return isName(i) && tokens.get(i).text().equals(word);
    }

    boolean isEnd(int i) {
        return tokens.get(i).kind() == Kind.END;
    }

    boolean isString(int i) {
        return tokens.get(i).kind() == Kind.STRING;
    }

    /** The index of the bracket closing the one opened at i; -1 if i opens nothing or is never closed. */
    int closing(int i) {
        return match[i];
    }

    /** Whether i opens a bracket that is closed later, so that the group can be stepped over. */
    boolean opensGroup(int i) {
        return i >= 0 && i < match.length && match[i] > i;
    }

    /** How many brackets are open around token i. */
    int depth(int i) {
        return depth[i];
    }

    /** Unmatched closing brackets are skipped; an unclosed bracket stays open until the statement ends. */
    private void matchBrackets() {
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
