package dev.spark.knowledge;

import dev.spark.validation.Check;
import dev.spark.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One documentation chunk as it enters the knowledge base.
 *
 * @param id      unique chunk id, stable across re-imports (e.g. {@code numpy:numpy.sort:0})
 * @param library lower-case library name
 * @param api     qualified API the chunk documents, or a section heading for prose pages
 * @param title   title of the page or section
 * @param text    the chunk text
 * @param source  URL or path of the original page
 * @param version library version the text belongs to
 * @param docId   the page this chunk belongs to (several chunks can share one page)
 * @param aliases other names of the API
 */
public record DocRecord(String id, String library, String api, String title, String text, String source,
                        String version, String docId, List<String> aliases) {

    public static final int MAX_ID = 512;
    public static final int MAX_LIBRARY = 64;
    public static final int MAX_API = 512;
    public static final int MAX_TITLE = 1_000;
    public static final int MAX_TEXT = 16_000;
    public static final int MAX_SOURCE = 2_048;
    public static final int MAX_ALIASES = 32;

    private static final Pattern LIBRARY = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");

    public DocRecord {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /**
     * Checks every field against its limits; field names in errors are the record's own
     * ({@code id}, {@code library}, {@code text}, ...). Returns the record with blanks normalised.
     */
    public DocRecord validated() {
        String checkedLibrary = Check.text("library", library, MAX_LIBRARY);
        if (!LIBRARY.matcher(checkedLibrary).matches()) {
            throw new InvalidInputException("library", "must be a lower-case name like 'numpy', was '" + checkedLibrary + "'");
        }
        Check.size("aliases", aliases, 0, MAX_ALIASES);
        aliases.forEach(a -> Check.text("aliases", a, MAX_API));
        return new DocRecord(
                Check.text("id", id, MAX_ID),
                checkedLibrary,
                blankToNull(Check.optionalText("api", api, MAX_API)),
                blankToNull(Check.optionalText("title", title, MAX_TITLE)),
                Check.text("text", text, MAX_TEXT),
                blankToNull(Check.optionalText("source", source, MAX_SOURCE)),
                blankToNull(Check.optionalText("version", version, 64)),
                Check.text("doc_id", docId, MAX_ID),
                aliases);
    }

    /** True when {@link #api} is a qualified name such as {@code pandas.DataFrame.groupby}, not a heading. */
    public boolean documentsApi() {
        return api != null && QUALIFIED_NAME.matcher(api).matches();
    }

    /** The text that is embedded: title and body, so short API stubs still carry their name. */
    public String embeddingText() {
        return title == null || text.startsWith(title) ? text : title + "\n" + text;
    }

    /** Content hash over every stored field: an unchanged record is neither rewritten nor re-embedded. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {library, api, title, text, source, version, docId, String.join("\u0001", aliases)}) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
