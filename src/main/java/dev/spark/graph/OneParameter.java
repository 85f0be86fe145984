package dev.spark.graph;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's values passed as one map parameter {@code $p} instead of one parameter each. Neo4j caches a plan per
 * statement and per parameter types: a value that is sometimes null and sometimes text, or a list whose size varies,
 * makes each new combination a new cache entry, planned again (tens of milliseconds each). Statements with many
 * optional values (creating a trace, a lesson) are written with ordinary {@code $name} parameters and rewritten once,
 * at class initialisation, to read {@code $p.name}; the caller passes {@link #values(Map)}.
 */
public final class OneParameter {

    /** The one parameter's name. */
    public static final String NAME = "p";

    private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    private OneParameter() {
    }

    /** The statement with every {@code $name} read as {@code $p.name}. */
    public static String statement(String cypher) {
        Matcher m = PARAMETER.matcher(cypher);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (NAME.equals(m.group(1))) {
                throw new IllegalArgumentException("a statement to rewrite must not already use $" + NAME);
            }
            m.appendReplacement(out, Matcher.quoteReplacement("$" + NAME + "." + m.group(1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The parameters of a rewritten statement: the values (nulls allowed) under the one name. */
    public static Map<String, Object> values(Map<String, Object> values) {
        return Map.of(NAME, values);
    }
}
