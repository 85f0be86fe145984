package dev.spark.graph;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds Lucene queries for Neo4j full-text indexes from free text (task prompts full of code). Terms are
 * runs of letters and digits, so no Lucene syntax ever reaches the parser; stop words and one-letter terms are
 * dropped, and the query is capped, since a long prompt would otherwise become hundreds of clauses.
 */
public final class FullText {

    public static final int MAX_TERMS = 64;

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "have", "how",
            "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "so", "such",
            "that", "the", "their", "then", "there", "these", "this", "to", "was", "we", "what", "when", "which",
            "will", "with", "would", "you", "your", "import", "def", "return", "none", "true", "false",
            "print", "result", "solution", "put", "variable", "code", "begin", "end", "want", "like", "get", "use");

    private FullText() {
    }

    /** The Lucene query for {@code text}, or empty when it has no usable term. */
    public static Optional<String> query(String text) {
        Set<String> terms = terms(text, MAX_TERMS);
        return terms.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", terms));
    }

    /** How many distinct usable terms {@code text} has, counting at most {@code limit}. */
    public static int termCount(String text, int limit) {
        return terms(text, limit).size();
    }

    private static Set<String> terms(String text, int limit) {
        Set<String> terms = new LinkedHashSet<>();
        for (String term : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (term.length() > 1 && !STOP_WORDS.contains(term)) {
                terms.add(term);
                if (terms.size() == limit) {
                    break;
                }
            }
        }
        return terms;
    }
}
