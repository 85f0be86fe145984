package dev.spark.forgetting;

/** The trace, agent or space to forget is not stored and never was forgotten: nothing was done, nothing recorded. */
public class ForgetSubjectNotFoundException extends RuntimeException {

    private final String field;

    public ForgetSubjectNotFoundException(ForgetKind kind, String id) {
        super("no " + kind.name().toLowerCase(java.util.Locale.ROOT) + " has the id '" + id + "'");
        this.field = "id";
    }

    /** The input that named the missing subject. */
    public String field() {
        return field;
    }
}
