package dev.spark.eval;

import java.io.IOException;

/**
 * A DS-1000 file that cannot be used as it is. The message names the file, the line (0 when the problem
 * spans the whole file, such as a broken perturbation chain) and the field.
 */
public class Ds1000FormatException extends IOException {

    private final String file;
    private final long line;
    private final String field;

    public Ds1000FormatException(String file, long line, String field, String problem) {
        super((line > 0 ? file + ":" + line : file) + ": " + field + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }
}
