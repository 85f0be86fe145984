package dev.spark.ops.internal;

import dev.spark.ops.internal.MemorySchema.Kind;
import dev.spark.ops.internal.OpsRepository.NodeRow;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lines of an export file. Property names are sorted, so two exports of the same memory are the same text
 * apart from the header's time. Closing flushes but leaves the stream open: it belongs to the caller.
 */
public final class ExportLines implements Closeable {

    public static final String FORMAT = "spark-memory";
    public static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CountingStream counted;
    private final BufferedWriter writer;

    public ExportLines(OutputStream out) {
        this.counted = new CountingStream(out);
        this.writer = new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8), 1 << 16);
    }

    public void header(int schemaVersion, Instant at) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "header");
        line.put("format", FORMAT);
        line.put("version", VERSION);
        line.put("schema", schemaVersion);
        line.put("exportedAt", at.toString());
        line.put("vectors", "float32-le-base64");
        write(line);
    }

    public void node(Kind kind, NodeRow row) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "node");
        line.put("label", kind.label());
        List<String> extra = row.labels().stream().filter(kind.extraLabels()::contains).sorted().toList();
        if (!extra.isEmpty()) {
            line.put("extraLabels", extra);
        }
        line.put("key", row.key());
        Map<String, Object> props = new TreeMap<>();
        row.properties().forEach((name, value) -> {
            if (kind.vector().filter(name::equals).isPresent() && value instanceof List<?> vector) {
                props.put(name, PropertyCodec.encodeVector(vector));
            } else {
                props.put(name, encoded(value, kind.label() + " " + row.key() + ", property " + name));
            }
        });
        line.put("props", props);
        write(line);
    }

    public void relationship(Kind from, String fromKey, String type, Kind to, String toKey, Map<String, Object> properties)
            throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "relationship");
        line.put("type", type);
        line.put("from", Map.of("label", from.label(), "key", fromKey));
        line.put("to", Map.of("label", to.label(), "key", toKey));
        Map<String, Object> props = new TreeMap<>();
        properties.forEach((name, value) -> props.put(name, encoded(value, type + " from " + from.label() + " " + fromKey
                + ", property " + name)));
        if (!props.isEmpty()) {
            line.put("props", props);
        }
        write(line);
    }

    public void end(long nodes, long relationships) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "end");
        line.put("nodes", nodes);
        line.put("relationships", relationships);
        write(line);
        writer.flush();
    }

    public long bytes() {
        return counted.count;
    }

    private static Object encoded(Object value, String where) {
        Optional<Object> encoded = PropertyCodec.encode(value);
        return encoded.orElseThrow(() -> new IllegalStateException(
                where + " has a value the export format cannot hold: " + (value == null ? "null" : value.getClass().getSimpleName())));
    }

    private void write(Map<String, Object> line) throws IOException {
        writer.write(JSON.writeValueAsString(line));
        writer.write('\n');
    }

    @Override
    public void close() throws IOException {
        writer.flush();
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
