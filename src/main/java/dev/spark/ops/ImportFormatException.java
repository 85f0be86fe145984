package dev.spark.ops;

/**
 * A line of an import file that Spark will not load, with its line number and the field at fault
 * ({@code props.createdAt}, {@code to.label}, ...). The import that met it has written nothing that remains.
 */
public class ImportFormatException extends RuntimeException {

    private final long line;
    private final String field;

    public ImportFormatException(long line, String field, String problem) {
        super("line " + line + (field.isEmpty() ? "" : ", field `" + field + "`") + ": " + problem);
        this.line = line;
        this.field = field;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }
}
