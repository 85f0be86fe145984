package dev.spark.knowledge;

import java.util.Locale;
import java.util.regex.Pattern;

/** Conventions of qualified Python API names as stored on {@code Api} nodes. */
public final class ApiNames {

    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");

    private ApiNames() {
    }

    /**
     * Whether a documentation chunk's {@code api} is a qualified name such as {@code pandas.DataFrame.groupby} (a
     * reference page, linked to its {@code Api} node) rather than the heading of a prose page.
     */
    public static boolean isQualified(String api) {
        return api != null && QUALIFIED_NAME.matcher(api).matches();
    }

    /** Guesses the kind from Python naming conventions: classes are CapWords, their members are methods. */
    public static String kind(String qualifiedName) {
        String[] parts = qualifiedName.split("\\.");
        String last = parts[parts.length - 1];
        if (!last.isEmpty() && Character.isUpperCase(last.charAt(0)) && !last.equals(last.toUpperCase(Locale.ROOT))) {
            return "class";
        }
        if (parts.length > 1) {
            String parent = parts[parts.length - 2];
            if (!parent.isEmpty() && Character.isUpperCase(parent.charAt(0))) {
                return "method";
            }
        }
        return "function";
    }

    /**
     * The spelling used by the documentation corpus: TensorFlow is documented as {@code tf.*}, while code
     * analysis resolves imports to {@code tensorflow.*}.
     */
    public static String canonical(String qualifiedName) {
        String name = qualifiedName.strip();
        return name.startsWith("tensorflow.") ? "tf." + name.substring("tensorflow.".length()) : name;
    }

    /** The corpus library an API belongs to, from its root module ({@code torch} is documented as pytorch). */
    public static String library(String qualifiedName) {
        String root = qualifiedName.split("\\.", 2)[0];
        return switch (root) {
            case "tf", "tensorflow", "keras" -> "tensorflow";
            case "torch" -> "pytorch";
            case "mpl" -> "matplotlib";
            default -> root;
        };
    }
}
