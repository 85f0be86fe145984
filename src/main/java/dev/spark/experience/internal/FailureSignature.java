package dev.spark.experience.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failure looks like once its particulars are removed, so that agents hitting the same problem on different
 * data share one signature: {@code KeyError: '<str>' @ pandas.DataFrame.loc}.
 *
 * @param exceptionType simple name of the exception raised last ({@code OutOfMemoryError} for
 *                      {@code torch.cuda.OutOfMemoryError}), or {@code Error} when the output names none
 * @param messageShape  its message with quoted strings as {@code '<str>'}, numbers as {@code <num>}, hex addresses
 *                      as {@code <addr>} and whitespace collapsed, at most {@value #MAX_SHAPE} characters
 * @param api           the API most likely involved, or null
 * @param signature     {@code exceptionType + ": " + messageShape}, then {@code " @ " + api} if there is one
 */
public record FailureSignature(String exceptionType, String messageShape, String api, String signature) {

    /** Longest message shape kept: beyond it messages are data dumps, not shapes. */
    public static final int MAX_SHAPE = 200;

    /** Only the end of long outputs is read; the exception raised last is there. */
    private static final int MAX_READ = 100_000;

    /** {@code pkg.Name: message} at the start of a line, also as pytest prints it ({@code E   Name: message}). */
    private static final Pattern EXCEPTION_LINE = Pattern.compile(
            "^[ \\t]*(?:E[ \\t]+)?([A-Za-z_][\\w.]*)(?::[ \\t]*(.*))?$", Pattern.MULTILINE);
    private static final List<String> EXCEPTION_SUFFIXES = List.of(
            "Error", "Exception", "Warning", "Exit", "Interrupt", "Iteration", "Fault", "Failure", "Timeout");
    /** {@code file.py:12: FutureWarning: ...}, as the warnings module prints them. */
    private static final Pattern WARNING_LINE = Pattern.compile("^\\S.*:\\d+: \\w*Warning\\b.*");
    private static final Pattern TRACEBACK = Pattern.compile("Traceback \\(most recent call last\\)");
    private static final Pattern HEX = Pattern.compile("\\b0x[0-9a-fA-F]+\\b");
    private static final Pattern QUOTED = Pattern.compile(
            "(?<![A-Za-z0-9])'[^'\\n]*'(?![A-Za-z0-9])|\"[^\"\\n]*\"");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![A-Za-z_0-9.<])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![A-Za-z_0-9])");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    public FailureSignature {
        if (exceptionType == null || messageShape == null || signature == null) {
            throw new IllegalArgumentException("exceptionType, messageShape and signature are required");
        }
    }

    /**
     * The signature of the failure reported in {@code errorOutput}: a Python traceback, pytest output, or just a
     * message such as {@code KeyError: 'col'}.
     *
     * @param errorOutput what the failing run printed; blank or null gives empty
     * @param apis        the APIs the code used, most relevant first; the one mentioned last in the traceback (or in
     *                    the message) is chosen, else the first; may be null
     */
    public static Optional<FailureSignature> of(String errorOutput, Collection<String> apis) {
        if (errorOutput == null || errorOutput.isBlank()) {
            return Optional.empty();
        }
        String output = errorOutput.length() > MAX_READ
                ? errorOutput.substring(errorOutput.length() - MAX_READ) : errorOutput;
        String type = "Error";
        String message = lastLine(output);
        int exceptionAt = output.length();
        Matcher m = EXCEPTION_LINE.matcher(output);
        int chosenStart = -1;
        String chosenType = null;
        String chosenMessage = null;
        while (m.find()) {
            String name = m.group(1);
            if (!isException(name)) {
                continue;
            }
            // A warning printed after the error is not the failure; prefer the last real exception.
            boolean warning = name.endsWith("Warning");
            if (chosenType == null || !warning || chosenType.endsWith("Warning")) {
                chosenStart = m.start();
                chosenType = name;
                chosenMessage = m.group(2) == null ? "" : m.group(2) + continuation(output, m.end());
            }
        }
        if (chosenType != null) {
            type = chosenType;
            message = chosenMessage;
            exceptionAt = chosenStart;
        }
        String simple = type.substring(type.lastIndexOf('.') + 1);
        String shape = shape(message);
        String api = api(output, exceptionAt, message, apis);
        String signature = simple + ": " + shape + (api != null ? " @ " + api : "");
        return Optional.of(new FailureSignature(simple, shape, api, signature));
    }

    /** Lines that carry a message on (multi-line ValueErrors), up to a blank line. */
    private static String continuation(String output, int from) {
        StringBuilder more = new StringBuilder();
        int i = from;
        while (i < output.length() && more.length() <= MAX_SHAPE * 2) {
            int lineStart = i + 1;
            if (lineStart >= output.length()) {
                break;
            }
            int lineEnd = output.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = output.length();
            }
            String line = output.substring(lineStart, lineEnd);
            Matcher exception = EXCEPTION_LINE.matcher(line);
            if (line.isBlank() || TRACEBACK.matcher(line).find() || WARNING_LINE.matcher(line).matches()
                    || exception.matches() && isException(exception.group(1))) {
                break;
            }
            more.append(' ').append(line.strip());
            i = lineEnd;
        }
        return more.toString();
    }

    private static boolean isException(String name) {
        if (name.endsWith(".")) {
            return false;
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return EXCEPTION_SUFFIXES.stream().anyMatch(simple::endsWith);
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\\R");
        return lines[lines.length - 1];
    }

    static String shape(String message) {
        String s = HEX.matcher(message).replaceAll("<addr>");
        s = QUOTED.matcher(s).replaceAll("'<str>'");
        s = NUMBER.matcher(s).replaceAll("<num>");
        s = SPACE.matcher(s).replaceAll(" ").strip();
        return s.length() > MAX_SHAPE ? s.substring(0, MAX_SHAPE).strip() : s;
    }

    /**
     * The API mentioned closest to where the exception was raised: in the last traceback's frames (its source lines
     * and function names) or in the message, by qualified name or by its last part as a whole word.
     */
    private static String api(String output, int exceptionAt, String message, Collection<String> apis) {
        if (apis == null || apis.isEmpty()) {
            return null;
        }
        List<String> candidates = apis.stream().filter(a -> a != null && !a.isBlank()).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        int tracebackAt = -1;
        Matcher t = TRACEBACK.matcher(output);
        while (t.find() && t.start() <= exceptionAt) {
            tracebackAt = t.start();
        }
        String frames = tracebackAt < 0 ? "" : output.substring(tracebackAt, Math.min(exceptionAt, output.length()));
        String best = null;
        int bestAt = -1;
        for (String api : candidates) {
            int at = lastMention(frames, api);
            if (at < 0 && lastMention(message, api) >= 0) {
                at = frames.length();
            }
            if (at > bestAt) {
                best = api;
                bestAt = at;
            }
        }
        return best != null ? best : candidates.get(0);
    }

    private static int lastMention(String text, String api) {
        if (text.isEmpty()) {
            return -1;
        }
        int at = text.lastIndexOf(api);
        String last = api.substring(api.lastIndexOf('.') + 1);
        // One- and two-letter names (T, df) would match everywhere.
        if (last.length() >= 3) {
            Matcher m = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(last) + "(?![A-Za-z0-9_])").matcher(text);
            while (m.find()) {
                at = Math.max(at, m.start());
            }
        }
        return at;
    }
}
