package dev.spark.curation.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readings of a text that the screen checks. Poisoned lessons hide their words from plain pattern matching
 * while an agent still reads them: full-width or mathematical letters, zero-width characters inside words,
 * Cyrillic or Greek letters that look Latin, instructions inside HTML or Markdown comments, or base64 that the
 * reading agent is asked to decode. Each reading undoes one of these, so a rule written once for plain text
 * catches every disguise.
 */
final class ScreenText {

    /** Base64 decoded this many levels deep at most (an encoded text holding another encoded text). */
    static final int MAX_DECODE_DEPTH = 2;
    private static final int MIN_BASE64_RUN = 16;
    private static final int MAX_BASE64_RUNS = 20;
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{" + MIN_BASE64_RUN + ",}={0,2}");
    /** Comment markers are removed so that the comment's content is read as ordinary text. */
    private static final Pattern COMMENT_MARKERS = Pattern.compile("<!--|-->|(?m)^\\s*\\[//\\]\\s*:\\s*#\\s*");

    /** Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables, the common part). */
    private static final Map<Character, Character> LOOK_ALIKES = lookAlikes(
            "а a|в b|е e|ё e|к k|м m|н h|о o|р p|с c|т t|у y|х x|і i|ї i|ј j|ѕ s|ԁ d|ԛ q|ԝ w|һ h|ӏ l|ɡ g|ɑ a|ı i"
                    + "|А A|В B|Е E|К K|М M|Н H|О O|Р P|С C|Т T|Х X|І I|Ј J|Ѕ S|Ү Y"
                    + "|α a|ο o|ι i|ν v|ρ p|τ t|υ u|κ k|χ x|ε e"
                    + "|Α A|Β B|Ε E|Ζ Z|Η H|Ι I|Κ K|Μ M|Ν N|Ο O|Ρ P|Τ T|Υ Y|Χ X");

    private ScreenText() {
    }

    /**
     * Every reading of {@code text} to screen: as written after Unicode compatibility normalisation with
     * invisible characters removed and comment markers dropped, the same with look-alike letters mapped to
     * Latin, and the text of each base64 run that decodes to readable text (itself read the same way).
     */
    static List<String> readings(String text) {
        Set<String> readings = new LinkedHashSet<>();
        collect(text, 0, readings);
        return List.copyOf(readings);
    }

    private static void collect(String text, int depth, Set<String> readings) {
        String plain = plain(text);
        readings.add(plain);
        readings.add(folded(plain));
        if (depth >= MAX_DECODE_DEPTH) {
            return;
        }
        Matcher run = BASE64_RUN.matcher(plain);
        int runs = 0;
        while (run.find() && runs++ < MAX_BASE64_RUNS) {
            decoded(run.group()).ifPresent(decoded -> collect(decoded, depth + 1, readings));
        }
    }

    /** NFKC (full-width and mathematical letters become plain ones), without format characters or comment markers. */
    static String plain(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().filter(cp -> !invisible(cp)).forEach(out::appendCodePoint);
        return COMMENT_MARKERS.matcher(out).replaceAll(" ");
    }

    /** Zero-width spaces and joiners, soft hyphens, bidi controls, tag characters, variation selectors. */
    private static boolean invisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || cp == 0x034F // combining grapheme joiner
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0; // Hangul fillers
    }

    /** Look-alike letters replaced by the Latin letter they imitate. */
    static String folded(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(LOOK_ALIKES.getOrDefault(c, c));
        }
        return out.toString();
    }

    /** The text a base64 run stands for, when it decodes (standard or URL-safe) to readable UTF-8. */
    static java.util.Optional<String> decoded(String run) {
        String body = run.replace("=", "");
        String padded = body + "=".repeat((4 - body.length() % 4) % 4);
        byte[] bytes;
        try {
            bytes = (body.indexOf('-') >= 0 || body.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(padded);
        } catch (IllegalArgumentException notBase64) {
            return java.util.Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return readable(text) ? java.util.Optional.of(text) : java.util.Optional.empty();
        } catch (CharacterCodingException binary) {
            return java.util.Optional.empty();
        }
    }

    /** Mostly letters, digits, punctuation and spaces: decoded text rather than bytes that happen to be UTF-8. */
    private static boolean readable(String text) {
        if (text.length() < 6) {
            return false;
        }
        long printable = text.codePoints().filter(cp -> cp == '\n' || cp == '\t' || cp == '\r'
                || (!Character.isISOControl(cp) && Character.getType(cp) != Character.UNASSIGNED)).count();
        long letters = text.codePoints().filter(Character::isLetter).count();
        return printable == text.codePoints().count() && letters * 2 >= text.codePoints().count();
    }

    private static Map<Character, Character> lookAlikes(String pairs) {
        List<Map.Entry<Character, Character>> entries = new ArrayList<>();
        for (String pair : pairs.split("\\|")) {
            entries.add(Map.entry(pair.charAt(0), pair.charAt(2)));
        }
        return Map.ofEntries(entries.toArray(Map.Entry[]::new));
    }
}
