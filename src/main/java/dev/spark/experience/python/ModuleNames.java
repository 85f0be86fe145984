package dev.spark.experience.python;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an import line or a single name refers to, by the same tables and import reading as the extractor:
 * {@code import numpy as np} binds {@code np} to {@code numpy}, {@code pd} is pandas by custom, and
 * {@code scikit-learn} is imported as {@code sklearn}.
 */
final class ModuleNames {

    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private final ApiTables tables;

    ModuleNames(ApiTables tables) {
        this.tables = tables;
    }

    /** Each name the text binds or is, with the dotted module it stands for, in order; empty for anything else. */
    Map<String, String> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        String stripped = text.strip();
        TokenList tokens = TokenList.of(stripped);
        Bindings bindings = new Bindings(tables);
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.isEnd(i)) {
                if (start < i && ImportStatements.isImport(tokens, start)) {
                    ImportStatements.bind(tokens, start, i, bindings);
                }
                start = i + 1;
            }
        }
        Map<String, String> imported = bindings.modules();
        if (!imported.isEmpty()) {
            return imported;
        }
        String root = DOTTED.matcher(stripped).matches() ? Dotted.root(stripped) : null;
        Value meant = root == null ? Value.NOTHING : bindings.resolve(root);
        if (meant.isPath()) {
            return Map.of(stripped, meant.name() + stripped.substring(root.length()));
        }
        // a library as callers spell it: "scikit-learn" and "Pytorch" are imported as sklearn and torch
        String lower = stripped.toLowerCase(Locale.ROOT);
        String hinted = tables.library(lower);
        if (!hinted.equals(lower)) {
            return Map.of(stripped, hinted);
        }
        return root == null ? Map.of() : Map.of(stripped, stripped);
    }
}
