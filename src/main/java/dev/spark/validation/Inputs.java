package dev.spark.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks an input record against the Bean Validation annotations on its components, the one place where its
 * limits are stated (a test holds the GraphQL schema's descriptions to them). The first problem found becomes
 * an {@link InvalidInputException} whose field is the path the caller used: {@code text},
 * {@code followed.rating}, {@code lessons[2]}, or a name given by {@link InputName}.
 */
public final class Inputs {

    // A Validator is immutable and thread-safe; one per JVM, because records check themselves without injection.
    // Messages are plain templates: the wording of the standard constraints comes from Problems, not from EL.
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .propertyNodeNameProvider(new InputNames())
            .buildValidatorFactory()
            .getValidator();

    // With several problems, report the first field by name, and for one field its most basic problem (an empty
    // value also breaks its pattern, but "must not be empty" is the useful answer).
    private static final Comparator<Problem> FIRST = Comparator.comparing(Problem::field).thenComparingInt(Problem::rank);

    private static final int MAX_ECHO = 80;

    private Inputs() {
    }

    /** Returns {@code input} if every constraint holds; otherwise throws naming the first offending field. */
    public static <T> T validate(T input) {
        return validate(input, "");
    }

    /** As {@link #validate(Object)}, with fields named under {@code prefix} ({@code task} gives {@code task.text}). */
    public static <T> T validate(T input, String prefix) {
        if (input == null) {
            throw new InvalidInputException(prefix.isEmpty() ? "input" : prefix, Problems.required());
        }
        VALIDATOR.validate(input).stream()
                .map(v -> new Problem(field(prefix, v.getPropertyPath()), rank(v), problem(v)))
                .min(FIRST)
                .ifPresent(p -> {
                    throw new InvalidInputException(p.field(), p.text());
                });
        return input;
    }

    /** Null-safe {@link String#strip()}, for records that store their texts stripped. */
    public static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** Stripped, or null when blank: for optional texts. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Each element stripped, in place, so an error's index still points at what the caller sent. */
    public static List<String> stripEach(List<String> values) {
        return values == null ? null : values.stream().map(Inputs::strip).toList();
    }

    private static String field(String prefix, Path path) {
        StringBuilder name = new StringBuilder(prefix);
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(node.getName());
        }
        return name.toString();
    }

    private static int rank(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        if (constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty) {
            return 0;
        }
        return constraint instanceof Size ? 1 : 2;
    }

    private static String problem(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        Object value = violation.getInvalidValue();
        if (constraint instanceof Pattern) {
            return violation.getMessage() + ", was '" + echo(value) + "'";
        }
        if (!violation.getMessageTemplate().startsWith("{jakarta.validation.constraints.")) {
            return violation.getMessage();
        }
        if (constraint instanceof NotNull) {
            return Problems.required();
        }
        if (constraint instanceof NotBlank || constraint instanceof NotEmpty) {
            return Problems.empty();
        }
        if (constraint instanceof Size size && value instanceof CharSequence text) {
            return text.length() > size.max() ? Problems.tooLong(text.length(), size.max()) : Problems.tooShort(size.min());
        }
        if (constraint instanceof Size size && value instanceof Collection<?> values) {
            return values.size() > size.max() ? Problems.tooMany(values.size(), size.max()) : Problems.tooFew(size.min());
        }
        if (constraint instanceof Min min) {
            return Problems.belowMinimum(value, min.value());
        }
        if (constraint instanceof Max max) {
            return Problems.aboveMaximum(value, max.value());
        }
        return violation.getMessage();
    }

    private static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }

    private record Problem(String field, int rank, String text) {
    }
}
