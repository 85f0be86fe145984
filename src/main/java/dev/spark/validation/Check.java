package dev.spark.validation;

import java.util.Collection;

/**
 * Checks of single arguments that throw {@link InvalidInputException} naming the field. Input records state
 * their limits as annotations and are checked by {@link Inputs} instead.
 */
public final class Check {

    private Check() {
    }

    /** A required text: present, not blank, at most {@code max} characters. Returns it stripped. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, Problems.empty());
        }
        return optionalText(field, value, max).strip();
    }

    /** An optional text: null stays null; otherwise at most {@code max} characters. */
    public static String optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, Problems.tooLong(value.length(), max));
        }
        return value;
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, Problems.outOfRange(value, min, max));
        }
        return value;
    }

    public static <T extends Collection<?>> T size(String field, T values, int min, int max) {
        if (values == null || values.size() < min) {
            throw new InvalidInputException(field, Problems.tooFew(min));
        }
        if (values.size() > max) {
            throw new InvalidInputException(field, Problems.tooMany(values.size(), max));
        }
        return values;
    }
}
