package dev.spark.experience.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text that agents report (code, logs, tracebacks) with {@code [REDACTED:<kind>]} before it is
 * stored and shared with other agents.
 *
 * <p>Kinds: {@code private_key} (PEM blocks, up to the end of the text when the END line is missing),
 * {@code password} (in URLs such as {@code postgres://user:pass@host}, and assigned to password-like keys),
 * {@code bearer_token}, {@code basic_auth}, {@code jwt}, {@code aws_access_key}, {@code api_key} ({@code sk-...}
 * and assigned to key-like names), {@code github_token}, {@code slack_token}, {@code google_api_key},
 * {@code token} and {@code secret} (assigned to such names).
 *
 * <p>Assignments ({@code password = "..."}, {@code api_key: ...}, {@code "token": "..."}) keep the key and lose
 * the value. The key must end with the secret word, so {@code tokens}, {@code tokenizer} and
 * {@code df.password_column} are left alone; an unquoted value is redacted only when it cannot be code
 * ({@code token = tokenizer(text)} and {@code api_key=api_key} stay), except in {@code .env} lines and YAML-like
 * {@code key: value} lines, where values are literals.
 *
 * <p>Redaction is idempotent: the markers match no rule, so redacting a redacted text changes nothing.
 * Instances are immutable and thread-safe.
 */
public final class SecretRedactor {

    /** Redacted text and how many secrets were replaced. */
    public record Redaction(String text, int count) {
    }

    private static final String MARK = "[REDACTED:";
    // Repetitions that can start anywhere in a run of identifier characters are bounded, so that long runs
    // (minified code, base64 dumps) cost linear time rather than quadratic.
    private static final String NOT_REDACTED = "(?!\\[REDACTED:)";

    private static final String SECRET_WORD =
            "(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key"
                    + "|private[_-]?key|client[_-]?secret|credentials?)";

    /** Values that are code, not literals: names, dotted names, calls and subscripts, numbers, None/True/False. */
    private static final Pattern CODE_VALUE = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_.]*(?:[(\\[].*)?|[0-9][0-9_.eE+-]*|\\$.*|<[^>]*>|\\*+|\\.\\.\\.|[{(\\[].*");

    /** Values of .env lines that are still code: calls, subscripts, dotted names, variable references. */
    private static final Pattern ENV_CODE_VALUE = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_.]*[(\\[].*|[A-Za-z_]\\w*\\.[A-Za-z_][\\w.]*|\\$.*");

    /** Type-like values in key: value lines (dataclass fields, schema descriptions). */
    private static final Pattern TYPE_VALUE = Pattern.compile(
            "(?:str|int|bytes|bool|float|None|null|true|false|~|\\||>|[A-Z][A-Za-z_.\\[\\]]*)");

    private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile(
                    "-----BEGIN[A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END[A-Z0-9 ]*PRIVATE KEY-----|\\z)"),
                    m -> MARK + "private_key]"),
            // scheme://user:password@host, for databases, brokers and HTTP basic auth alike.
            new Rule(Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]{0,30}://[^\\s:/@'\"\\[\\]]{1,256}:)" + NOT_REDACTED
                    + "([^\\s/'\"]+)(@)"),
                    m -> m.group(1) + MARK + "password]" + m.group(3)),
            // Tokens have digits; "Bearer authentication" in prose is not one.
            new Rule(Pattern.compile("(?i)\\b(bearer\\s+)" + NOT_REDACTED
                    + "(?=[A-Za-z._~+/=-]*[0-9])([A-Za-z0-9._~+/=-]{8,})"),
                    m -> m.group(1) + MARK + "bearer_token]"),
            new Rule(Pattern.compile("(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?\\s*basic\\s+)" + NOT_REDACTED
                    + "([A-Za-z0-9+/=]{8,})"),
                    m -> m.group(1) + MARK + "basic_auth]"),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,4096}\\.[A-Za-z0-9_-]{8,8192}\\.[A-Za-z0-9_-]{8,}"),
                    m -> MARK + "jwt]"),
            new Rule(Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b"), m -> MARK + "aws_access_key]"),
            new Rule(Pattern.compile("\\bsk-(?:proj-|ant-[a-z0-9]+-)?[A-Za-z0-9_-]{20,}"), m -> MARK + "api_key]"),
            new Rule(Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"),
                    m -> MARK + "github_token]"),
            new Rule(Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), m -> MARK + "slack_token]"),
            new Rule(Pattern.compile("\\bAIza[0-9A-Za-z_-]{30,}"), m -> MARK + "google_api_key]"),
            // ?api_key=... in URLs: always a literal.
            new Rule(Pattern.compile("(?i)([?&][A-Za-z0-9_.-]{0,64}?" + SECRET_WORD + "=)" + NOT_REDACTED
                    + "([^&\\s#'\"]+)"),
                    m -> m.group(1) + MARK + kind(m.group(1).substring(1, m.group(1).length() - 1)) + "]"),
            // key = "value", key: 'value', "key": "value", key=value (quoted values always; unquoted see below)
            new Rule(Pattern.compile("(?im)(^[ \\t]*(?:export[ \\t]+|-[ \\t]+)?)?(\\b[A-Za-z0-9_.-]{0,64}?" + SECRET_WORD
                    + "\\b[\"']?)([ \\t]*(?<![=!<>])[:=](?!=)[ \\t]*)"
                    + "(?:\"" + NOT_REDACTED + "([^\"\\n]+)\"|'" + NOT_REDACTED + "([^'\\n]+)'|" + NOT_REDACTED
                    + "([^\\s\"',;&#)\\]}]+))"),
                    SecretRedactor::assignment));

    /** Redacts {@code text}; null reads as empty. */
    public Redaction redact(String text) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text == null ? "" : text, 0);
        }
        int[] count = {0};
        String result = text;
        // A redaction can expose a neighbour to an earlier rule; a few rounds settle it, which keeps redact idempotent.
        for (int round = 0; round < 4; round++) {
            int before = count[0];
            for (Rule rule : RULES) {
                result = rule.pattern().matcher(result).replaceAll(m -> {
                    String replacement = rule.replacement().apply(m);
                    if (!replacement.equals(m.group())) {
                        count[0]++;
                    }
                    return Matcher.quoteReplacement(replacement);
                });
            }
            if (count[0] == before) {
                break;
            }
        }
        return new Redaction(result, count[0]);
    }

    private static String assignment(MatchResult m) {
        String lineStart = m.group(1);
        String key = m.group(2);
        String separator = m.group(3);
        String kind = kind(key);
        if (m.group(4) != null) {
            return quoted(m, "\"", kind);
        }
        if (m.group(5) != null) {
            return quoted(m, "'", kind);
        }
        String value = m.group(6);
        boolean atLineStart = lineStart != null;
        boolean envLine = atLineStart && separator.equals("=") && key.equals(key.toUpperCase(Locale.ROOT));
        boolean yamlLine = atLineStart && separator.strip().equals(":");
        boolean literal = envLine ? !ENV_CODE_VALUE.matcher(value).matches()
                : yamlLine ? !TYPE_VALUE.matcher(value).matches() && !value.startsWith("$")
                : !CODE_VALUE.matcher(value).matches();
        if (!literal) {
            return m.group();
        }
        return (lineStart == null ? "" : lineStart) + key + separator + MARK + kind + "]";
    }

    private static String quoted(MatchResult m, String quote, String kind) {
        String lineStart = m.group(1) == null ? "" : m.group(1);
        return lineStart + m.group(2) + m.group(3) + quote + MARK + kind + "]" + quote;
    }

    private static String kind(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace("\"", "").replace("'", "");
        if (k.contains("pass") || k.endsWith("pwd")) {
            return "password";
        }
        if (k.endsWith("token")) {
            return "token";
        }
        if (k.contains("key")) {
            return "api_key";
        }
        return "secret";
    }
}
