package dev.spark.validation;

/**
 * The wording of input problems, shared by {@link Check} and {@link Inputs} so that a limit reads the same
 * whichever way it was checked.
 */
final class Problems {

    private Problems() {
    }

    static String required() {
        return "is required";
    }

    static String empty() {
        return "must not be empty";
    }

    static String tooLong(int length, long max) {
        return "is " + length + " characters long; the limit is " + max;
    }

    static String tooShort(long min) {
        return min <= 1 ? empty() : "must have at least " + min + " characters";
    }

    static String tooFew(long min) {
        return "must have at least " + min + " element" + (min == 1 ? "" : "s");
    }

    static String tooMany(int size, long max) {
        return "has " + size + " elements; the limit is " + max;
    }

    static String outOfRange(long value, long min, long max) {
        return "must be between " + min + " and " + max + ", was " + value;
    }

    static String belowMinimum(Object value, long min) {
        return "must be at least " + min + ", was " + value;
    }

    static String aboveMaximum(Object value, long max) {
        return "must be at most " + max + ", was " + value;
    }
}
