package dev.spark.experience;

import dev.spark.validation.Check;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A coding task: what the agent was asked, optional surrounding code, optional libraries it concerns.
 * Limits: text 1-20,000 characters; codeContext up to 50,000; at most 20 libraries of up to 64 characters.
 */
public record TaskInput(String text, String codeContext, List<String> libraries) {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_CODE_CONTEXT = 50_000;
    public static final int MAX_LIBRARIES = 20;

    public TaskInput {
        libraries = libraries == null ? List.of() : libraries;
    }

    /** Checks the fields; errors name them under {@code prefix} (e.g. {@code task.text}). */
    public TaskInput validated(String prefix) {
        String checkedText = Check.text(prefix + ".text", text, MAX_TEXT);
        Check.size(prefix + ".libraries", libraries, 0, MAX_LIBRARIES);
        List<String> libs = libraries.stream()
                .map(l -> Check.text(prefix + ".libraries", l, 64).toLowerCase(Locale.ROOT))
                .distinct().toList();
        return new TaskInput(checkedText, Check.optionalText(prefix + ".codeContext", codeContext, MAX_CODE_CONTEXT), libs);
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
