package dev.spark.experience.python;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import org.treesitter.TSLanguage;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

/**
 * Reads the qualified APIs a piece of Python calls from its tree-sitter syntax tree, with the same tables and
 * rules as {@link TokenApiExtractor}. A parser is not thread-safe, so each thread gets its own.
 */
public final class TreeSitterApiExtractor {

    private final ApiTables tables = ApiTables.standard();
    private final TSLanguage language = new TreeSitterPython();
    private final SyntaxTree.Grammar grammar = new SyntaxTree.Grammar(language);
    private final ThreadLocal<TSParser> parsers = ThreadLocal.withInitial(() -> {
        TSParser parser = new TSParser();
        parser.setLanguage(language);
        return parser;
    });

    public Set<String> extract(String code, Collection<String> libraryHints) {
        if (code == null || code.isBlank()) {
            return Set.of();
        }
        TSTree tree = parsers.get().parseString(null, code);
        SyntaxTree syntax = SyntaxTree.of(tree, code, grammar);
        return Collections.unmodifiableSet(new TreeScan(syntax, tables, libraryHints).run());
    }

    /** Parsing alone, to tell the cost of the parser from the cost of reading its tree. */
    int parseOnly(String code) {
        return parsers.get().parseString(null, code).getRootNode().getEndByte();
    }

    /** Parsing and copying the tree, without the analysis. */
    int parseAndCopy(String code) {
        return SyntaxTree.of(parsers.get().parseString(null, code), code, grammar).size();
    }
}
