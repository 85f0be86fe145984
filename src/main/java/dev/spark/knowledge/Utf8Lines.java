package dev.spark.knowledge;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a file line by line, gunzipping it when it starts with the gzip magic bytes, and decodes each line
 * strictly as UTF-8, so one bad line is reported with its number while the lines around it still load.
 */
public final class Utf8Lines {

    /** Receives each line; {@code text} is null when the line is not valid UTF-8. */
    public interface LineHandler {
        void line(long number, String text) throws IOException;
    }

    private Utf8Lines() {
    }

    public static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    public static void read(Path file, LineHandler handler) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = open(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
            long number = 0;
            int b;
            while (true) {
                b = in.read();
                if (b == '\n' || b == -1) {
                    if (b == -1 && line.size() == 0) {
                        break;
                    }
                    number++;
                    handler.line(number, decode(decoder, line.toByteArray()));
                    line.reset();
                    if (b == -1) {
                        break;
                    }
                } else {
                    line.write(b);
                }
            }
        }
    }

    /** Counts lines cheaply, for progress estimates. */
    static long count(Path file) throws IOException {
        long lines = 0;
        boolean pending = false;
        try (InputStream in = open(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                        pending = false;
                    } else {
                        pending = true;
                    }
                }
            }
        }
        return pending ? lines + 1 : lines;
    }

    private static String decode(CharsetDecoder decoder, byte[] bytes) {
        try {
            String text = decoder.reset().decode(ByteBuffer.wrap(bytes)).toString();
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
