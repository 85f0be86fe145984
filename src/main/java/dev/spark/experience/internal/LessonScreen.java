package dev.spark.experience.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a lesson may be served to other agents. Lessons are read by agents, so text that tries to
 * steer the reading agent, recommends running untrusted input, or still holds a secret is quarantined.
 */
public final class LessonScreen {

    private record Rule(String reason, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("instructions aimed at the reading agent", Pattern.compile(
                    "(?i)(ignore|disregard|forget)\\s+(all\\s+|any\\s+)?(the\\s+)?(previous|prior|above|earlier)\\s+(instructions|prompts?|rules)"
                            + "|\\byou\\s+are\\s+now\\b|\\bsystem\\s+prompt\\b|\\bnew\\s+instructions\\s*:")),
            new Rule("dangerous call on untrusted input", Pattern.compile(
                    "(?i)\\b(eval|exec)\\s*\\(\\s*(input|request|user|data|payload|args?|sys\\.argv)"
                            + "|\\bos\\.system\\s*\\(|\\bsubprocess\\.[a-z_]+\\([^)]*shell\\s*=\\s*True"
                            + "|\\bpickle\\.loads?\\s*\\(\\s*(request|user|data|payload)"
                            + "|\\bcurl\\s[^|]*\\|\\s*(ba)?sh\\b|\\brm\\s+-rf\\s+/(?!\\w)")),
            new Rule("holds a secret", Pattern.compile("\\[REDACTED:")));

    private LessonScreen() {
    }

    /** The reason to quarantine this text, if any. */
    public static Optional<String> quarantineReason(String text) {
        return RULES.stream().filter(r -> r.pattern().matcher(text).find()).map(Rule::reason).findFirst();
    }
}
