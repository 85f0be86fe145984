package dev.spark.knowledge.ingest;

import dev.spark.knowledge.DocRecord;
import dev.spark.knowledge.IngestProblem;
import dev.spark.knowledge.Utf8Lines;
import dev.spark.validation.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documentation blob format: one JSON object a line, gzipped or not, with the fields
 * {@code id, library, api, title, text, source, version, doc_id} and optional {@code aliases}, {@code kind}.
 */
public final class JsonlDocReader {

    private static final List<String> REQUIRED = List.of("id", "library", "text", "doc_id");

    private final JsonMapper json = JsonMapper.builder().build();

    public static boolean accepts(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz") || name.endsWith(".ndjson");
    }

    public void read(Path file, DocSink sink) throws IOException {
        String name = file.toString();
        Utf8Lines.read(file, (number, line) -> {
            if (line == null) {
                sink.problem(new IngestProblem(name, number, "not valid UTF-8"));
                return;
            }
            if (line.isBlank()) {
                return;
            }
            try {
                sink.record(parse(line));
            } catch (JacksonException e) {
                sink.problem(new IngestProblem(name, number, "malformed JSON: " + e.getOriginalMessage()));
            } catch (InvalidInputException e) {
                sink.problem(new IngestProblem(name, number, e.getMessage()));
            }
        });
    }

    private DocRecord parse(String line) {
        JsonNode node = json.readTree(line);
        if (!node.isObject()) {
            throw new InvalidInputException("line", "must be a JSON object");
        }
        for (String field : REQUIRED) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new InvalidInputException(field, "is missing");
            }
            if (!value.isString()) {
                throw new InvalidInputException(field, "must be a string");
            }
        }
        List<String> aliases = new ArrayList<>();
        JsonNode aliasNode = node.get("aliases");
        if (aliasNode != null && aliasNode.isArray()) {
            aliasNode.forEach(a -> aliases.add(a.asString()));
        }
        return new DocRecord(
                string(node, "id"), string(node, "library"), string(node, "api"), string(node, "title"),
                string(node, "text"), string(node, "source"), string(node, "version"), string(node, "doc_id"),
                aliases).validated();
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return value.asString();
    }
}
