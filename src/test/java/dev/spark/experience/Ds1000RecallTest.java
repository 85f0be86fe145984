package dev.spark.experience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the extractor against the DS-1000 dev labels (APIs found by a Python AST tool in each reference
 * solution). The data set is read from the shared data directory at run time and never copied into the repository.
 */
class Ds1000RecallTest {

    /** Measured 0.811 (1316 of 1622 labels) on the dev file; the floor leaves a few points for rule changes. */
    private static final double RECALL_FLOOR = 0.78;

    private static final Pattern CODE_BLOCK = Pattern.compile("<code>(.*?)</code>", Pattern.DOTALL);

    private final PythonApiExtractor extractor = new PythonApiExtractor();

    @Test
    void recoversMostLabelledApisOfTheDevSet() throws IOException {
        Path file = Path.of(System.getProperty("spark.shared.data", "../shared/data"), "ds1000", "ds1000-dev.jsonl.gz");
        assumeTrue(Files.isRegularFile(file), "DS-1000 dev file not found at " + file);

        JsonMapper json = JsonMapper.builder().build();
        int labels = 0;
        int recovered = 0;
        int problems = 0;
        boolean verbose = Boolean.getBoolean("spark.ds1000.verbose");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode problem = json.readTree(line);
                String code = promptCode(problem.get("prompt").asString()) + "\n" + problem.get("reference_code").asString();
                Set<String> found = extractor.extract(code, List.of(problem.get("library").asString().toLowerCase(Locale.ROOT)));
                List<String> missed = new ArrayList<>();
                for (JsonNode api : problem.get("apis")) {
                    labels++;
                    if (found.contains(api.asString())) {
                        recovered++;
                    } else {
                        missed.add(api.asString());
                    }
                }
                problems++;
                if (verbose && !missed.isEmpty()) {
                    System.out.println("#" + problem.get("problem_id").asInt() + " missed " + missed + " found " + found);
                }
            }
        }
        double recall = labels == 0 ? 0 : (double) recovered / labels;
        System.out.printf(Locale.ROOT, "DS-1000 dev: %d problems, API recall %.3f (%d of %d labels)%n",
                problems, recall, recovered, labels);
        assertThat(problems).isPositive();
        assertThat(recall).isGreaterThanOrEqualTo(RECALL_FLOOR);
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
