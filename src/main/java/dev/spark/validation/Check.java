package dev.spark.validation;

import java.util.Collection;

/** Field checks that throw {@link InvalidInputException} naming the field. */
public final class Check {

    private Check() {
    }

    /** A required text: present, not blank, at most {@code max} characters. Returns it stripped. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        return optionalText(field, value, max).strip();
    }

    /** An optional text: null stays null; otherwise at most {@code max} characters. */
    public static String optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, "is " + value.length() + " characters long; the limit is " + max);
        }
        return value;
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static <T extends Collection<?>> T size(String field, T values, int min, int max) {
        if (values == null || values.size() < min) {
            throw new InvalidInputException(field, "must have at least " + min + " element" + (min == 1 ? "" : "s"));
        }
        if (values.size() > max) {
            throw new InvalidInputException(field, "has " + values.size() + " elements; the limit is " + max);
        }
        return values;
    }
}
