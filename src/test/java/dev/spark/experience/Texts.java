package dev.spark.experience;

import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Text generators shared by the property tests. */
public final class Texts {

    public static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final String DIGITS = "0123456789";

    private Texts() {
    }

    /** Any text of at most {@code maxLength} code points, control characters and unpaired surrogates included. */
    public static Gen<String> anyText(int maxLength) {
        return strings().allPossible().ofLengthBetween(0, maxLength);
    }

    /** Strings of {@code min} to {@code max} characters drawn from {@code alphabet}. */
    public static Gen<String> over(String alphabet, int min, int max) {
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(chars)).ofSizeBetween(min, max).map(Texts::joined);
    }

    /** Up to {@code maxPieces} pieces glued together. */
    public static Gen<String> glued(Gen<String> piece, int maxPieces) {
        return lists().of(piece).ofSizeBetween(0, maxPieces).map(pieces -> String.join("", pieces));
    }

    private static String joined(List<Character> chars) {
        StringBuilder text = new StringBuilder(chars.size());
        chars.forEach(text::append);
        return text.toString();
    }
}
