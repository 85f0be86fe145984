package dev.spark.knowledge;

import dev.spark.validation.InputName;
import dev.spark.validation.Inputs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

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
public record DocRecord(
        @NotBlank @Size(max = MAX_ID) String id,
        @NotBlank @Size(max = MAX_LIBRARY)
        @Pattern(regexp = LIBRARY, message = "must be a lower-case name like 'numpy'") String library,
        @Size(max = MAX_API) String api,
        @Size(max = MAX_TITLE) String title,
        @NotBlank @Size(max = MAX_TEXT) String text,
        @Size(max = MAX_SOURCE) String source,
        @Size(max = MAX_VERSION) String version,
        @InputName("doc_id") @NotBlank @Size(max = MAX_ID) String docId,
        @Size(max = MAX_ALIASES) List<@NotBlank @Size(max = MAX_API) String> aliases) {

    public static final int MAX_ID = 512;
    public static final int MAX_LIBRARY = 64;
    public static final int MAX_API = 512;
    public static final int MAX_TITLE = 1_000;
    public static final int MAX_TEXT = 16_000;
    public static final int MAX_SOURCE = 2_048;
    public static final int MAX_VERSION = 64;
    public static final int MAX_ALIASES = 32;

    private static final String LIBRARY = "[a-z0-9][a-z0-9_.-]*";
    public DocRecord {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /**
     * Checks every field against its annotations; field names in errors are the record's own ({@code id},
     * {@code library}, {@code text}, ...) except {@code doc_id}, as JSONL files spell it. Returns the record
     * stripped, with blank optional texts as null.
     */
    public DocRecord validated() {
        return Inputs.validate(new DocRecord(Inputs.strip(id), Inputs.strip(library), Inputs.blankToNull(api),
                Inputs.blankToNull(title), Inputs.strip(text), Inputs.blankToNull(source), Inputs.blankToNull(version),
                Inputs.strip(docId), aliases));
    }

    /** True when {@link #api} is a qualified name such as {@code pandas.DataFrame.groupby}, not a heading. */
    public boolean documentsApi() {
        return ApiNames.isQualified(api);
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
}
