package dev.spark.knowledge;

/** A record that could not be loaded: where it is and why. {@code line} is 0 when the whole file failed. */
public record IngestProblem(String file, long line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
