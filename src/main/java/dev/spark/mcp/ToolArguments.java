package dev.spark.mcp;

import dev.spark.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The arguments of one tool call, read as the types the tool's schema declares. A value of the wrong type, an
 * unknown argument or an unknown enum name is an {@link InvalidInputException} naming the argument by its path
 * ({@code k}, {@code task.libraries[1]}), as the GraphQL type system reports such values; limits are left to the
 * services, which check them for every entry point alike.
 */
final class ToolArguments {

    private static final int MAX_ECHO = 80;

    private final Map<String, Object> values;
    private final String prefix;

    private ToolArguments(Map<String, Object> values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    /** The arguments of a call; any name outside {@code allowed} is rejected. */
    static ToolArguments of(Map<String, Object> arguments, Set<String> allowed) {
        return checked(arguments == null ? Map.of() : arguments, "", allowed);
    }

    private static ToolArguments checked(Map<String, Object> values, String prefix, Set<String> allowed) {
        for (String name : new TreeSet<>(values.keySet())) {
            if (!allowed.contains(name)) {
                throw new InvalidInputException(prefix + name, "is not an argument here; expected "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        return new ToolArguments(values, prefix);
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    /** A string, or null when absent. */
    String text(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw problem(name, "must be a string, not " + echo(value));
    }

    /** An integer, or null when absent; 3.0 counts as 3, as JSON does not tell them apart. */
    Integer integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
                return (int) number;
            }
        } else if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
            return (int) number.doubleValue();
        }
        throw problem(name, "must be an integer, not " + echo(value));
    }

    /** One of the names of {@code type} (case as declared; lower case is accepted too), or null when absent. */
    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(wanted)).findFirst()
                .orElseThrow(() -> problem(name, echo(value) + " is not one of " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", "))));
    }

    /** A list of strings, or null when absent; a bad element is named by its index. */
    List<String> texts(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw problem(name, "must be an array of strings, not " + echo(value));
        }
        List<String> texts = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (!(element instanceof String s)) {
                throw problem(name + "[" + i + "]", "must be a string, not " + echo(element));
            }
            texts.add(s);
        }
        return texts;
    }

    /** A nested object whose fields are named under {@code name.}, or null when absent. */
    @SuppressWarnings("unchecked")
    ToolArguments object(String name, Set<String> allowed) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw problem(name, "must be an object, not " + echo(value));
        }
        return checked((Map<String, Object>) map, prefix + name + ".", allowed);
    }

    InvalidInputException required(String name) {
        return problem(name, "is required");
    }

    private InvalidInputException problem(String name, String problem) {
        return new InvalidInputException(prefix + name, problem);
    }

    private static String echo(Object value) {
        String text = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }
}
