package dev.spark.access;

/**
 * The caller may not do this. {@link #field()} names the argument that asked for more than the caller's key allows
 * ({@code agent.id}, {@code space}), or the operation when the role falls short.
 */
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
