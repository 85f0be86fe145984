package dev.spark.experience;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DS-1000 dev problems as the API extractor sees them: the prompt's code, then the reference solution, with
 * the APIs a Python AST tool found in the solution. Read from the shared data directory at run time, never
 * copied into the repository.
 */
public final class Ds1000DevSet {

    /** One problem; {@code library} is lower-cased as callers pass hints. */
    public record Problem(int id, String library, String code, List<String> apis) {
    }

    private static final Pattern CODE_BLOCK = Pattern.compile("<code>(.*?)</code>", Pattern.DOTALL);

    private Ds1000DevSet() {
    }

    /** The dev file, if the shared data directory has it. */
    public static Optional<Path> file() {
        Path file = Path.of(System.getProperty("spark.shared.data", "../shared/data"), "ds1000", "ds1000-dev.jsonl.gz");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public static List<Problem> read(Path file) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Problem> problems = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode problem = json.readTree(line);
                String code = promptCode(problem.get("prompt").asString()) + "\n" + problem.get("reference_code").asString();
                List<String> apis = new ArrayList<>();
                problem.get("apis").forEach(api -> apis.add(api.asString()));
                problems.add(new Problem(problem.get("problem_id").asInt(),
                        problem.get("library").asString().toLowerCase(Locale.ROOT), code, List.copyOf(apis)));
            }
        }
        return problems;
    }

    /** The code blocks of a prompt; prompts without them (the plotting problems) are code throughout. */
    static String promptCode(String prompt) {
        Matcher m = CODE_BLOCK.matcher(prompt);
        StringBuilder code = new StringBuilder();
        while (m.find()) {
            code.append(m.group(1)).append('\n');
        }
        return code.length() > 0 ? code.toString() : prompt;
    }
}
