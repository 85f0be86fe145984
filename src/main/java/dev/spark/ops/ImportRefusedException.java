package dev.spark.ops;

/** An import that did not start because the target database already holds memory (and merging was not asked for). */
public class ImportRefusedException extends RuntimeException {

    public ImportRefusedException(String message) {
        super(message);
    }
}
