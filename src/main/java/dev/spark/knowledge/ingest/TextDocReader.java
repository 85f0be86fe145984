package dev.spark.knowledge.ingest;

import dev.spark.knowledge.DocRecord;
import dev.spark.knowledge.IngestProblem;
import dev.spark.knowledge.Utf8Lines;
import dev.spark.validation.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown, reStructuredText and plain-text pages. A page is split into chunks at its headings; a section
 * longer than the size cap is split further at blank lines (and, failing that, hard). Each chunk's API is
 * its heading when the heading is a qualified name, else the first qualified name of the library in its text.
 */
public final class TextDocReader {

    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private static final Pattern MD_HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern RST_UNDERLINE = Pattern.compile("^([=\\-~^\"'`#*+:.])\\1{2,}\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*");
    private static final Pattern QUALIFIED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");

    private final int maxChunkChars;

    /** @param maxChunkChars size cap of a chunk's body; positive, or splitting could never finish */
    public TextDocReader(int maxChunkChars) {
        if (maxChunkChars < 1) {
            throw new IllegalArgumentException("maxChunkChars must be positive, was " + maxChunkChars);
        }
        this.maxChunkChars = maxChunkChars;
    }

    public static boolean accepts(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".rst") || name.endsWith(".txt");
    }

    /**
     * @param root    the directory being imported: ids and doc ids are made from the path relative to it
     * @param library library the pages document
     * @param version library version, may be null
     */
    public void read(Path root, Path file, String library, String version, DocSink sink) throws IOException {
        String name = file.toString();
        if (Files.size(file) > MAX_FILE_BYTES) {
            sink.problem(new IngestProblem(name, 0, "file is larger than " + MAX_FILE_BYTES + " bytes"));
            return;
        }
        List<String> lines = new ArrayList<>();
        long[] badLine = {0};
        Utf8Lines.read(file, (number, line) -> {
            if (line == null && badLine[0] == 0) {
                badLine[0] = number;
            }
            lines.add(line == null ? "" : line);
        });
        if (badLine[0] > 0) {
            sink.problem(new IngestProblem(name, badLine[0], "not valid UTF-8"));
            return;
        }
        String relative = root.relativize(file).toString().replace('\\', '/');
        String docId = library + "." + relative.replaceFirst("\\.[^./]+$", "").replace('/', '.').toLowerCase(Locale.ROOT);
        List<Section> sections = sections(lines, kind(file));
        String pageTitle = sections.stream().map(Section::heading).filter(h -> h != null).findFirst()
                .orElse(file.getFileName().toString());
        int n = 0;
        for (Section section : sections) {
            for (String piece : split(section.body())) {
                String heading = section.heading();
                String title = heading == null || heading.equals(pageTitle) ? pageTitle : pageTitle + " > " + heading;
                String text = heading == null ? piece : heading + "\n\n" + piece;
                try {
                    sink.record(new DocRecord(library + ":" + docId + ":" + n, library, api(heading, piece, library),
                            title, text, relative, version, docId, List.of()).validated());
                } catch (InvalidInputException e) {
                    sink.problem(new IngestProblem(name, section.line(), e.getMessage()));
                }
                n++;
            }
        }
    }

    private enum Kind { MARKDOWN, RST, TEXT }

    private record Section(String heading, String body, long line) {
    }

    private static Kind kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".rst")) {
            return Kind.RST;
        }
        return name.endsWith(".txt") ? Kind.TEXT : Kind.MARKDOWN;
    }

    private static List<Section> sections(List<String> lines, Kind kind) {
        List<Section> sections = new ArrayList<>();
        String heading = null;
        long headingLine = 1;
        StringBuilder body = new StringBuilder();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String newHeading = null;
            int skip = 0;
            if (kind == Kind.MARKDOWN) {
                if (FENCE.matcher(line).matches()) {
                    fenced = !fenced;
                }
                Matcher m = MD_HEADING.matcher(line);
                if (!fenced && m.matches()) {
                    newHeading = m.group(2);
                }
            } else if (kind == Kind.RST && !line.isBlank() && i + 1 < lines.size()
                    && RST_UNDERLINE.matcher(lines.get(i + 1)).matches()
                    && lines.get(i + 1).strip().length() >= line.strip().length()
                    && !RST_UNDERLINE.matcher(line).matches()) {
                newHeading = line.strip();
                skip = 1;
                // an overline above the title belongs to the heading, not to the previous section's body
                int end = body.length();
                int lastLine = body.lastIndexOf("\n", Math.max(0, end - 2));
                String previous = body.substring(lastLine + 1).strip();
                if (RST_UNDERLINE.matcher(previous).matches()) {
                    body.setLength(lastLine + 1);
                }
            }
            if (newHeading != null) {
                add(sections, heading, body, headingLine);
                heading = newHeading;
                headingLine = i + 1;
                body.setLength(0);
                i += skip;
            } else {
                body.append(line).append('\n');
            }
        }
        add(sections, heading, body, headingLine);
        return sections;
    }

    private static void add(List<Section> sections, String heading, StringBuilder body, long line) {
        String text = body.toString().strip();
        if (!text.isEmpty()) {
            sections.add(new Section(heading, text, line));
        }
    }

    /**
     * Splits a section body into pieces of at most the cap, at blank lines where it can. Blank pieces are
     * dropped: a record needs text.
     */
    private List<String> split(String body) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : body.split("\\n\\s*\\n")) {
            if (current.length() > 0 && current.length() + paragraph.length() + 2 > maxChunkChars) {
                addPiece(pieces, current.toString());
                current.setLength(0);
            }
            while (paragraph.length() > maxChunkChars) {
                int cut = hardCut(paragraph);
                addPiece(pieces, paragraph.substring(0, cut));
                paragraph = paragraph.substring(cut);
            }
            if (current.length() > 0) {
                current.append("\n\n");
            }
            current.append(paragraph);
        }
        addPiece(pieces, current.toString());
        return pieces;
    }

    private static void addPiece(List<String> pieces, String piece) {
        if (!piece.isBlank()) {
            pieces.add(piece);
        }
    }

    /**
     * Where to cut a paragraph longer than the cap: at the cap, unless that would split a surrogate pair (the
     * halves would not survive UTF-8 encoding); always at least one character, so splitting makes progress.
     */
    private int hardCut(String paragraph) {
        int cut = maxChunkChars;
        if (Character.isHighSurrogate(paragraph.charAt(cut - 1)) && Character.isLowSurrogate(paragraph.charAt(cut))) {
            return cut > 1 ? cut - 1 : cut + 1;
        }
        return cut;
    }

    private static String api(String heading, String text, String library) {
        if (heading != null) {
            String candidate = heading.replace("`", "").replaceFirst("\\(.*\\)\\s*$", "").strip();
            if (QUALIFIED.matcher(candidate).matches()) {
                return candidate;
            }
        }
        Matcher m = QUALIFIED.matcher(text);
        while (m.find()) {
            if (m.group().startsWith(library + ".")) {
                return m.group();
            }
        }
        return heading;
    }
}
