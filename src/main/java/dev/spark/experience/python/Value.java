package dev.spark.experience.python;

/**
 * What an expression is known to be: a module-level path ({@code numpy.linalg}), an instance of a type, or
 * unknown, possibly produced by a library ({@code name} is then that library, to resolve later links against).
 */
record Value(Sort sort, String name) {

    enum Sort { PATH, INSTANCE, UNKNOWN }

    /** Nothing worth following. */
    static final Value NOTHING = new Value(Sort.UNKNOWN, null);

    static Value path(String name) {
        return new Value(Sort.PATH, name);
    }

    static Value instance(String type) {
        return new Value(Sort.INSTANCE, type);
    }

    static Value unknown(String library) {
        return new Value(Sort.UNKNOWN, library);
    }

    boolean isPath() {
        return sort == Sort.PATH;
    }

    boolean isInstance() {
        return sort == Sort.INSTANCE;
    }

    boolean isNothing() {
        return sort == Sort.UNKNOWN && name == null;
    }

    /** The library a path or type belongs to: its first segment. */
    String library() {
        return Dotted.root(name);
    }
}
