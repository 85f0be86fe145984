package dev.spark.ops;

import dev.spark.graph.Batches;
import dev.spark.ops.internal.ExportLines;
import dev.spark.ops.internal.MemorySchema;
import dev.spark.ops.internal.MemorySchema.Kind;
import dev.spark.ops.internal.OpsRepository;
import dev.spark.ops.internal.PropertyCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a file written by {@link MemoryExport}, line by line. Every line is checked before it is written; a bad one
 * stops the import with its line number and field. Nodes are written in batches of their kind (one transaction
 * each), marked {@code __SparkImport} until the end line has been read and checked; an import that stops for any
 * reason deletes every node it marked, with their relationships, so the database is as before. Memory holds one
 * batch and the keys of the nodes read (to name the line of a duplicate or of a relationship to a missing node).
 *
 * <p>By default the target must hold no memory. Merging ({@link Options#merge()}) keeps every node whose key
 * exists as it is, and adds the file's other nodes with the relationships that touch them.
 */
@Service
public class MemoryImport {

    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(MemoryImport.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OpsRepository repository;

    public MemoryImport(OpsRepository repository) {
        this.repository = repository;
    }

    /** @param merge import into a database that already holds memory, keeping its nodes as they are */
    public record Options(boolean merge) {
    }

    /**
     * @throws ImportRefusedException when the database holds memory and merging was not asked for
     * @throws ImportFormatException  naming the line and field that stopped the import (nothing of it remains)
     */
    public ImportReport importFrom(InputStream in, Options options) {
        long started = System.nanoTime();
        if (!options.merge() && repository.holdsMemory()) {
            throw new ImportRefusedException("the database already holds memory; import into an empty database "
                    + "(a new --home), or merge into this one with --merge");
        }
        long leftovers = Batches.untilNone(repository::deleteMarked);
        if (leftovers > 0) {
            log.warn("Removed {} node(s) left by an import that did not finish", leftovers);
        }
        Reading reading = new Reading(options, repository.schemaVersion(), repository.vectorDimensions());
        try {
            reading.read(in);
            long created = Batches.untilNone(repository::unmark);
            ImportReport report = new ImportReport(reading.nodes, reading.relationships, created, (System.nanoTime() - started) / 1_000_000);
            log.info(report.summary());
            return report;
        } catch (RuntimeException e) {
            try {
                long removed = Batches.untilNone(repository::deleteMarked);
                log.warn("Import stopped ({}); removed the {} node(s) it had written", e.getMessage(), removed);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** The state of one pass over a file. */
    private final class Reading {
        final Options options;
        final int schemaVersion;
        final Map<String, Integer> dimensions;
        final Map<String, Long> nodes = new TreeMap<>();
        final Map<String, Long> relationships = new TreeMap<>();
        final Map<Kind, Set<String>> keys = new EnumMap<>(Kind.class);
        final Map<Kind, List<Map<String, Object>>> nodeBatches = new EnumMap<>(Kind.class);
        final Map<List<String>, RelationshipBatch> relationshipBatches = new LinkedHashMap<>();
        boolean inRelationships;
        boolean ended;
        long line;

        Reading(Options options, int schemaVersion, Map<String, Integer> dimensions) {
            this.options = options;
            this.schemaVersion = schemaVersion;
            this.dimensions = dimensions;
        }

        void read(InputStream in) {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
                String text;
                while (true) {
                    try {
                        text = reader.readLine();
                    } catch (CharacterCodingException e) {
                        throw new ImportFormatException(line + 1, "", "not valid UTF-8");
                    }
                    if (text == null) {
                        break;
                    }
                    line++;
                    if (text.isBlank()) {
                        continue;
                    }
                    if (ended) {
                        throw new ImportFormatException(line, "", "text after the end line");
                    }
                    accept(parse(text));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == 0) {
                throw new ImportFormatException(1, "", "the file is empty");
            }
            if (!ended) {
                throw new ImportFormatException(line, "", "the file ends without its end line: it was cut short");
            }
        }

        private JsonNode parse(String text) {
            try {
                JsonNode node = JSON.readTree(text);
                if (!node.isObject()) {
                    throw new ImportFormatException(line, "", "not a JSON object");
                }
                return node;
            } catch (JacksonException e) {
                throw new ImportFormatException(line, "", "not JSON: " + e.getOriginalMessage());
            }
        }

        private void accept(JsonNode json) {
            String kind = string(json, "kind");
            if (line == 1 != kind.equals("header")) {
                throw new ImportFormatException(line, "kind", line == 1 ? "the first line must be the header, found " + kind
                        : "a second header");
            }
            switch (kind) {
                case "header" -> header(json);
                case "node" -> node(json);
                case "relationship" -> relationship(json);
                case "end" -> end(json);
                default -> throw new ImportFormatException(line, "kind", "must be header, node, relationship or end, found " + kind);
            }
        }

        private void header(JsonNode json) {
            if (!ExportLines.FORMAT.equals(string(json, "format"))) {
                throw new ImportFormatException(line, "format", "must be " + ExportLines.FORMAT);
            }
            long version = number(json, "version");
            if (version != ExportLines.VERSION) {
                throw new ImportFormatException(line, "version", "version " + version + " is not supported (this Spark reads "
                        + ExportLines.VERSION + ")");
            }
            long schema = number(json, "schema");
            if (schema > schemaVersion) {
                throw new ImportFormatException(line, "schema", "exported with schema V" + schema + ", newer than this database's V"
                        + schemaVersion + ": import with the Spark version that wrote it");
            }
        }

        private void node(JsonNode json) {
            if (inRelationships) {
                throw new ImportFormatException(line, "kind", "nodes must come before relationships");
            }
            Kind kind = kind(json.get("label"), "label");
            String key = string(json, "key");
            if (key.isEmpty()) {
                throw new ImportFormatException(line, "key", "must not be empty");
            }
            List<String> extra = new ArrayList<>();
            JsonNode labels = json.get("extraLabels");
            if (labels != null) {
                if (!labels.isArray()) {
                    throw new ImportFormatException(line, "extraLabels", "must be a list");
                }
                for (JsonNode label : labels.values()) {
                    if (!label.isString() || !kind.extraLabels().contains(label.stringValue())) {
                        throw new ImportFormatException(line, "extraLabels", label + " is not a label a " + kind.label()
                                + " can carry (allowed: " + kind.extraLabels() + ")");
                    }
                    extra.add(label.stringValue());
                }
            }
            PropertyCodec.Decoded props = PropertyCodec.decode(json.get("props"), kind.vector(), line, "props");
            Object stored = props.properties().get(kind.key());
            if (stored != null && !key.equals(stored)) {
                throw new ImportFormatException(line, "props." + kind.key(), "differs from the line's key " + key);
            }
            if (props.vector() != null && dimensions.containsKey(kind.label())
                    && props.vector().size() != dimensions.get(kind.label())) {
                throw new ImportFormatException(line, "props." + kind.vector().orElseThrow(), "has " + props.vector().size()
                        + " dimensions; the vector index of " + kind.label() + " takes " + dimensions.get(kind.label()));
            }
            if (!keys.computeIfAbsent(kind, k -> new HashSet<>()).add(key)) {
                throw new ImportFormatException(line, "key", "a second " + kind.label() + " with key " + key);
            }
            Map<String, Object> properties = new LinkedHashMap<>(props.properties());
            properties.put(kind.key(), key);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", key);
            row.put("props", properties);
            row.put("vector", props.vector());
            row.put("labels", extra);
            List<Map<String, Object>> batch = nodeBatches.computeIfAbsent(kind, k -> new ArrayList<>());
            batch.add(row);
            if (batch.size() == BATCH) {
                flushNodes(kind);
            }
            nodes.merge(kind.label(), 1L, Long::sum);
        }

        private void relationship(JsonNode json) {
            if (!inRelationships) {
                List.copyOf(nodeBatches.keySet()).forEach(this::flushNodes);
                inRelationships = true;
            }
            String type = string(json, "type");
            if (!MemorySchema.RELATIONSHIP_TYPES.contains(type)) {
                throw new ImportFormatException(line, "type", type + " is not a relationship type of Spark's memory");
            }
            Kind from = endpointKind(json, "from");
            String fromKey = endpointKey(json, "from", from);
            Kind to = endpointKind(json, "to");
            String toKey = endpointKey(json, "to", to);
            PropertyCodec.Decoded props = PropertyCodec.decode(json.get("props"), java.util.Optional.empty(), line, "props");
            RelationshipBatch batch = relationshipBatches.computeIfAbsent(List.of(from.name(), type, to.name()),
                    k -> new RelationshipBatch(from, type, to));
            batch.add(line, Map.of("from", fromKey, "to", toKey, "props", props.properties()));
            if (batch.rows.size() == BATCH) {
                batch.flush();
            }
            relationships.merge(type, 1L, Long::sum);
        }

        private void end(JsonNode json) {
            List.copyOf(nodeBatches.keySet()).forEach(this::flushNodes);
            relationshipBatches.values().forEach(RelationshipBatch::flush);
            long expectedNodes = number(json, "nodes");
            long expectedRelationships = number(json, "relationships");
            long readNodes = nodes.values().stream().mapToLong(Long::longValue).sum();
            long readRelationships = relationships.values().stream().mapToLong(Long::longValue).sum();
            if (expectedNodes != readNodes) {
                throw new ImportFormatException(line, "nodes", "says " + expectedNodes + " nodes, the file has " + readNodes);
            }
            if (expectedRelationships != readRelationships) {
                throw new ImportFormatException(line, "relationships", "says " + expectedRelationships
                        + " relationships, the file has " + readRelationships);
            }
            ended = true;
        }

        private void flushNodes(Kind kind) {
            List<Map<String, Object>> batch = nodeBatches.remove(kind);
            if (batch != null && !batch.isEmpty()) {
                repository.createNodes(kind, batch);
            }
        }

        private Kind endpointKind(JsonNode json, String end) {
            JsonNode endpoint = json.get(end);
            if (endpoint == null || !endpoint.isObject()) {
                throw new ImportFormatException(line, end, "must be an object {label, key}");
            }
            return kind(endpoint.get("label"), end + ".label");
        }

        private String endpointKey(JsonNode json, String end, Kind kind) {
            JsonNode key = json.get(end).get("key");
            if (key == null || !key.isString()) {
                throw new ImportFormatException(line, end + ".key", "must be a string");
            }
            if (!options.merge() && !keys.getOrDefault(kind, Set.of()).contains(key.stringValue())) {
                throw new ImportFormatException(line, end + ".key", "no " + kind.label() + " with key " + key.stringValue()
                        + " came before this line");
            }
            return key.stringValue();
        }

        private Kind kind(JsonNode label, String field) {
            if (label == null || !label.isString()) {
                throw new ImportFormatException(line, field, "must be a string");
            }
            return MemorySchema.kind(label.stringValue()).orElseThrow(() -> new ImportFormatException(line, field,
                    label.stringValue() + " is not a label of Spark's memory"));
        }

        private String string(JsonNode json, String field) {
            JsonNode value = json.get(field);
            if (value == null || !value.isString()) {
                throw new ImportFormatException(line, field, "must be a string");
            }
            return value.stringValue();
        }

        private long number(JsonNode json, String field) {
            JsonNode value = json.get(field);
            if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new ImportFormatException(line, field, "must be an integer");
            }
            return value.longValue();
        }
    }

    /** Relationships of one type between two kinds, waiting to be written together. */
    private final class RelationshipBatch {
        final Kind from;
        final String type;
        final Kind to;
        final List<Map<String, Object>> rows = new ArrayList<>();
        long firstLine;
        long lastLine;

        RelationshipBatch(Kind from, String type, Kind to) {
            this.from = from;
            this.type = type;
            this.to = to;
        }

        void add(long line, Map<String, Object> row) {
            if (rows.isEmpty()) {
                firstLine = line;
            }
            lastLine = line;
            rows.add(row);
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            long found = repository.createRelationships(from, type, to, rows);
            if (found != rows.size()) {
                throw new ImportFormatException(firstLine, "to.key", (rows.size() - found) + " of the " + type
                        + " relationships on lines " + firstLine + "-" + lastLine + " name a node that is neither in the file nor in the database");
            }
            rows.clear();
        }
    }
}
