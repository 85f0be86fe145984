package dev.spark.eval;

/** The evaluation was pointed at a database that holds experience and was not allowed to delete it. */
public class ExperiencePresentException extends IllegalStateException {

    public ExperiencePresentException(String message) {
        super(message);
    }
}
