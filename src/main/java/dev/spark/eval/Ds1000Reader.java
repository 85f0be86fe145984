package dev.spark.eval;

import dev.spark.knowledge.Utf8Lines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the DS-1000 JSON Lines file (gzipped or plain, one problem a line) and links perturbed problems to
 * their {@code Origin}.
 *
 * <p>Any bad line fails the whole read: an evaluation over a silently shortened problem set would report
 * figures that cannot be compared with other runs.
 */
public final class Ds1000Reader {

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * All problems of the file, in file order. Blank lines are skipped.
     *
     * @throws Ds1000FormatException naming file, line and field, when a line is not valid UTF-8 or JSON, a
     *                               field is missing or has the wrong type, or an id repeats
     */
    public List<Ds1000Problem> read(Path file) throws IOException {
        String name = file.toString();
        List<Ds1000Problem> problems = new ArrayList<>();
        Map<Integer, Long> lineOfProblemId = new HashMap<>();
        Map<String, Long> lineOfLibraryId = new HashMap<>();
        // Lines are decoded one by one, so a bad byte is reported on its own line.
        Utf8Lines.read(file, (number, line) -> {
            if (line == null) {
                throw new Ds1000FormatException(name, number, "line", "not valid UTF-8");
            }
            if (line.isBlank()) {
                return;
            }
            Ds1000Problem problem = parse(name, number, line);
            Long previous = lineOfProblemId.putIfAbsent(problem.problemId(), number);
            if (previous != null) {
                throw new Ds1000FormatException(name, number, "problem_id",
                        problem.problemId() + " already appears on line " + previous);
            }
            String libraryId = key(problem.library(), problem.libraryProblemId());
            previous = lineOfLibraryId.putIfAbsent(libraryId, number);
            if (previous != null) {
                throw new Ds1000FormatException(name, number, "library_problem_id",
                        problem.libraryProblemId() + " of " + problem.library() + " already appears on line " + previous);
            }
            problems.add(problem);
        });
        return problems;
    }

    /**
     * The {@code library_problem_id} of each problem's {@code Origin}, keyed by global {@code problem_id}:
     * perturbation links are followed within the library until an {@code Origin} is reached, since a few
     * perturbations derive from other perturbations. An {@code Origin} maps to itself.
     *
     * @throws IllegalArgumentException when a chain leaves the given problems, loops, or two problems share
     *                                  a library id; the message names the problem and the chain
     */
    public static Map<Integer, Integer> originIds(Collection<Ds1000Problem> problems) {
        Map<String, Ds1000Problem> byLibraryId = new HashMap<>();
        for (Ds1000Problem p : problems) {
            if (byLibraryId.putIfAbsent(key(p.library(), p.libraryProblemId()), p) != null) {
                throw new IllegalArgumentException("two problems are " + p.library() + " #" + p.libraryProblemId());
            }
        }
        Map<Integer, Integer> origins = new LinkedHashMap<>();
        for (Ds1000Problem start : problems) {
            Set<Integer> seen = new LinkedHashSet<>();
            Ds1000Problem current = start;
            while (!current.isOrigin()) {
                if (!seen.add(current.libraryProblemId())) {
                    throw new IllegalArgumentException("perturbation chain of " + start.library() + " #"
                            + start.libraryProblemId() + " loops: " + chain(seen, current.libraryProblemId()));
                }
                Ds1000Problem next = byLibraryId.get(key(current.library(), current.perturbationOriginId()));
                if (next == null) {
                    throw new IllegalArgumentException("perturbation chain of " + start.library() + " #"
                            + start.libraryProblemId() + " reaches #" + current.perturbationOriginId()
                            + ", which is not among the problems: " + chain(seen, current.perturbationOriginId()));
                }
                current = next;
            }
            origins.put(start.problemId(), current.libraryProblemId());
        }
        return origins;
    }

    private static String chain(Set<Integer> seen, int last) {
        StringBuilder text = new StringBuilder();
        seen.forEach(id -> text.append('#').append(id).append(" -> "));
        return text.append('#').append(last).toString();
    }

    private static String key(String library, int libraryProblemId) {
        return library + " " + libraryProblemId;
    }

    private Ds1000Problem parse(String file, long line, String text) throws Ds1000FormatException {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw new Ds1000FormatException(file, line, "line", "malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Ds1000FormatException(file, line, "line", "must be a JSON object");
        }
        Fields fields = new Fields(file, line, node);
        String perturbationType = fields.text("perturbation_type", false);
        if (!Ds1000Problem.PERTURBATION_TYPES.contains(perturbationType)) {
            throw new Ds1000FormatException(file, line, "perturbation_type",
                    "must be one of " + Ds1000Problem.PERTURBATION_TYPES + ", was '" + perturbationType + "'");
        }
        return new Ds1000Problem(
                fields.integer("problem_id"),
                fields.integer("library_problem_id"),
                fields.text("library", false),
                perturbationType,
                fields.integer("perturbation_origin_id"),
                fields.text("prompt", false),
                fields.text("reference_code", true),
                fields.text("code_context", true),
                fields.texts("gold_doc_ids"),
                fields.texts("gold_functions"),
                fields.texts("apis"));
    }

    /** Typed access to the fields of one line, failing with the file, line and field named. */
    private record Fields(String file, long line, JsonNode node) {

        JsonNode required(String field) throws Ds1000FormatException {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new Ds1000FormatException(file, line, field, "is missing");
            }
            return value;
        }

        int integer(String field) throws Ds1000FormatException {
            JsonNode value = required(field);
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
                throw new Ds1000FormatException(file, line, field, "must be a non-negative integer, was " + value);
            }
            return value.intValue();
        }

        String text(String field, boolean mayBeBlank) throws Ds1000FormatException {
            JsonNode value = required(field);
            if (!value.isString()) {
                throw new Ds1000FormatException(file, line, field, "must be a string");
            }
            if (!mayBeBlank && value.asString().isBlank()) {
                throw new Ds1000FormatException(file, line, field, "must not be empty");
            }
            return value.asString();
        }

        List<String> texts(String field) throws Ds1000FormatException {
            JsonNode value = required(field);
            if (!value.isArray()) {
                throw new Ds1000FormatException(file, line, field, "must be an array of strings");
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isString() || element.asString().isBlank()) {
                    throw new Ds1000FormatException(file, line, field, "must hold only non-empty strings, found " + element);
                }
                texts.add(element.asString());
            }
            return texts;
        }
    }
}
