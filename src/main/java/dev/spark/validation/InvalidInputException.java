package dev.spark.validation;

/** Bad input from a caller. {@link #field()} names the argument or input field, as the caller spelled it. */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String problem;

    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** What is wrong with the field, without its name. */
    public String problem() {
        return problem;
    }

    /** The same problem reported under a longer path, e.g. {@code documents[3].text}. */
    public InvalidInputException under(String prefix) {
        return new InvalidInputException(prefix + field, problem);
    }
}
