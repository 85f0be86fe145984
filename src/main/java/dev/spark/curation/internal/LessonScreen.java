package dev.spark.curation.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a lesson (its text, and the code of a worked example) may be served to other agents. Lessons
 * are read by agents, so text that tries to steer the reading agent, recommends running untrusted input or
 * destroying data, or still holds a secret is quarantined. Method calls that merely share a name with a
 * dangerous builtin ({@code model.eval()}, {@code df.eval("a + b")}, {@code ast.literal_eval}) pass: the
 * builtin is matched only where it is not an attribute of something.
 */
public final class LessonScreen {

    private record Rule(String reason, Pattern pattern) {
    }

    /** Names that usually hold what a user or the network sent. */
    private static final String UNTRUSTED_NAMES = "input|raw_input|request|req|user\\w*|data|payload|body|params|query|args?|argv|sys\\.argv"
            + "|os\\.environ|untrusted\\w*|cmd|command|code|text|line|msg|message|form|content|stdin|sys\\.stdin|f\\.read|open";
    private static final String UNTRUSTED = "(" + UNTRUSTED_NAMES + ")";

    private static final List<Rule> RULES = List.of(
            new Rule("instructions aimed at the reading agent", Pattern.compile(
                    "(?i)(ignore|disregard|forget|override)\\s+(all\\s+|any\\s+)?(the\\s+|your\\s+)?(previous|prior|above|earlier|system|original)\\s+"
                            + "(instructions|prompts?|rules|guidelines|messages?)"
                            + "|\\byou\\s+are\\s+now\\b|\\bsystem\\s+prompt\\b|\\bnew\\s+instructions\\s*:"
                            + "|\\b(do\\s+not|don't|never)\\s+(tell|inform|show)\\s+the\\s+(user|human|developer)"
                            + "|<\\|im_start\\|>|\\[/?INST\\]|<\\s*/?\\s*system\\s*>")),
            new Rule("dangerous call on untrusted input", Pattern.compile(
                    // a bare builtin, not a method: (?<![\w.]) keeps model.eval( and df.eval( out
                    "(?<![\\w.])(eval|exec)\\s*\\(\\s*(compile\\s*\\(\\s*)?" + UNTRUSTED + "\\b"
                            + "|(?<![\\w.])__import__\\s*\\(\\s*" + UNTRUSTED + "\\b"
                            + "|\\bos\\.(system|popen)\\s*\\("
                            + "|\\bsubprocess\\.[a-z_]+\\s*\\([^)]*shell\\s*=\\s*True"
                            + "|\\b(c?pickle|dill|marshal)\\.loads?\\s*\\(\\s*(" + UNTRUSTED_NAMES + "|f|file|resp\\w*)\\b"
                            + "|\\b(curl|wget)\\s[^|\\n]*\\|\\s*(sudo\\s+)?(ba|z)?sh\\b"
                            + "|\\brm\\s+-(rf|fr|r\\s+-f|f\\s+-r)\\s+(/|~|\\$HOME|\\*)(?![\\w.-])"
                            + "|\\bshutil\\.rmtree\\s*\\(\\s*['\"](/|~)['\"]"
                            + "|\\bchmod\\s+(-R\\s+)?777\\s+/")),
            new Rule("holds a secret", Pattern.compile(
                    "\\[REDACTED:"
                            + "|-----BEGIN [A-Z ]*PRIVATE KEY-----"
                            + "|\\bAKIA[0-9A-Z]{16}\\b"
                            + "|\\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}"
                            + "|\\bgh[pousr]_[A-Za-z0-9]{30,}"
                            + "|\\bxox[abpr]-[A-Za-z0-9-]{10,}"
                            + "|\\bAIza[0-9A-Za-z_-]{35}"
                            + "|(?i)\\b(password|passwd|secret|api[_-]?key|token)\\s*[:=]\\s*['\"][^'\"\\s]{8,}['\"]")));

    private LessonScreen() {
    }

    /** The reason to quarantine this text, if any. */
    public static Optional<String> quarantineReason(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return RULES.stream().filter(r -> r.pattern().matcher(text).find()).map(Rule::reason).findFirst();
    }

    /** The reason to quarantine a lesson made of several texts (a worked example's task and code), if any. */
    public static Optional<String> quarantineReason(List<String> texts) {
        return texts.stream().map(LessonScreen::quarantineReason).flatMap(Optional::stream).findFirst();
    }
}
