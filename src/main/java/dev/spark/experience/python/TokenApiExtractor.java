package dev.spark.experience.python;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * Reads the qualified APIs a piece of Python calls from its tokens, with the library knowledge of
 * {@link ApiTables#standard()}. Stateless: each call scans with state of its own, so an instance may be shared
 * between threads.
 */
public final class TokenApiExtractor {

    private final ApiTables tables = ApiTables.standard();
    private final ModuleNames modules = new ModuleNames(tables);

    /** See {@code dev.spark.experience.PythonApiExtractor#extract} for the rules. */
    public Set<String> extract(String code, Collection<String> libraryHints) {
        if (code == null || code.isBlank()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(new TokenScan(TokenList.of(code), tables, libraryHints).run());
    }

    /** See {@code dev.spark.experience.PythonApiExtractor#modules}. */
    public Map<String, String> modules(String nameOrImports) {
        return Collections.unmodifiableMap(modules.resolve(nameOrImports));
    }
}
