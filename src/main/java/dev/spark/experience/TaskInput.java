package dev.spark.experience;

import dev.spark.knowledge.DocRecord;
import dev.spark.validation.Inputs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A coding task: what the agent was asked, optional surrounding code, optional libraries it concerns.
 * The annotations are its limits; the GraphQL schema states the same ones.
 */
public record TaskInput(
        @NotBlank @Size(max = MAX_TEXT) String text,
        @Size(max = MAX_CODE_CONTEXT) String codeContext,
        @Size(max = MAX_LIBRARIES) List<@NotBlank @Size(max = DocRecord.MAX_LIBRARY) String> libraries) {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_CODE_CONTEXT = 50_000;
    public static final int MAX_LIBRARIES = 20;

    public TaskInput {
        libraries = libraries == null ? List.of() : libraries;
    }

    /**
     * Checks the fields; errors name them under {@code prefix} (e.g. {@code task.text}). Returns the task with
     * its text stripped and its libraries stripped, lower-cased and without repeats.
     */
    public TaskInput validated(String prefix) {
        TaskInput stripped = new TaskInput(Inputs.strip(text), codeContext, libraries.stream()
                .map(l -> l == null ? null : l.strip().toLowerCase(Locale.ROOT)).toList());
        Inputs.validate(stripped, prefix);
        return new TaskInput(stripped.text, codeContext, stripped.libraries.stream().distinct().toList());
    }

    /** The same task text is one {@code Task} node: identity is the hash of its whitespace-normalised text. */
    public String hash() {
        try {
            String normalised = text.strip().replaceAll("\\s+", " ");
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text and code together, for intent analysis. */
    public String codeAndText() {
        return codeContext == null ? text : text + "\n" + codeContext;
    }
}
