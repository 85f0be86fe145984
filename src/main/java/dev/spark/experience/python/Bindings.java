package dev.spark.experience.python;

import dev.spark.experience.python.ApiTables.Alias;
import dev.spark.experience.python.ApiTables.Convention;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What names mean in one input: imports, customary aliases ({@code np}), naming conventions ({@code df}) and
 * variables typed by assignment. Scopes are not tracked: a name means what it was last bound to anywhere before.
 */
final class Bindings {

    private final ApiTables tables;
    private final Set<String> inPlay = new HashSet<>();
    private final Map<String, Value> names = new LinkedHashMap<>();
    /** Names given something untyped: they hide customary aliases ({@code F = {}}), not conventions. */
    private final Set<String> hidden = new HashSet<>();

    Bindings(ApiTables tables) {
        this.tables = tables;
    }

    /** Libraries the caller says the code is about, as callers spell them ({@code "Pytorch"}); nulls are skipped. */
    void hints(Collection<String> hints) {
        if (hints == null) {
            return;
        }
        for (String hint : hints) {
            if (hint != null) {
                inPlay.add(tables.library(hint.strip().toLowerCase(Locale.ROOT)));
            }
        }
    }

    /** Notes that the code imports or uses {@code library}, which switches on its conventions. */
    void inPlay(String library) {
        inPlay.add(library);
    }

    /** Whether using {@code name} as {@code name.x} shows that its library is in play. */
    Optional<String> libraryShownBy(String name) {
        return tables.alias(name).filter(alias -> alias.onlyWith().isEmpty()).map(alias -> Dotted.root(alias.module()));
    }

    /** {@code import module as name}, {@code from a import b}: {@code name} now stands for {@code module}. */
    void bindModule(String name, String module) {
        names.put(name, Value.path(module));
    }

    /** The names bound to modules so far, in the order they were bound ({@code np} to {@code numpy}). */
    Map<String, String> modules() {
        Map<String, String> modules = new LinkedHashMap<>();
        names.forEach((name, value) -> {
            if (value.isPath()) {
                modules.put(name, value.name());
            }
        });
        return modules;
    }

    /** {@code name = ...}: a value of no known type forgets what the name meant. */
    void bind(String name, Value value) {
        if (value == null || value.isNothing()) {
            names.remove(name);
            hidden.add(name);
        } else {
            names.put(name, value);
        }
    }

    /** A parameter or loop variable: it hides a customary alias of that name, while a typed binding stays. */
    void hideAlias(String name) {
        hidden.add(name);
    }

    /** What {@code name} means; {@link Value#NOTHING} when nothing is known about it. */
    Value resolve(String name) {
        Value bound = names.get(name);
        if (bound != null) {
            return bound;
        }
        if (!hidden.contains(name)) {
            Optional<Alias> alias = tables.alias(name);
            if (alias.isPresent() && alias.get().onlyWith().map(inPlay::contains).orElse(true)) {
                return Value.path(alias.get().module());
            }
        }
        for (Convention convention : tables.conventions()) {
            if (inPlay.contains(convention.library()) && convention.name().matcher(name).matches()) {
                return Value.instance(convention.type());
            }
        }
        return Value.NOTHING;
    }
}
