package dev.spark.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lessons unreliable agents write in the learning-curve evaluation ({@code eval/noise-lessons.jsonl}): wrong
 * advice about real APIs, and poisoned lessons (instructions to the reading agent, dangerous calls, exfiltration, a
 * typosquatted package, disabled certificate checks, a secret) that must never reach a recommendation.
 */
public record NoiseLessons(List<Lesson> wrong, List<Lesson> poisoned) {

    public record Lesson(String library, String text) {
    }

    public static NoiseLessons load() {
        List<Lesson> wrong = new ArrayList<>();
        List<Lesson> poisoned = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in = NoiseLessons.class.getResourceAsStream("/eval/noise-lessons.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("eval/noise-lessons.jsonl is missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                Lesson lesson = new Lesson(n.get("library").asString(), n.get("text").asString());
                ("poison".equals(n.get("kind").asString()) ? poisoned : wrong).add(lesson);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NoiseLessons(List.copyOf(wrong), List.copyOf(poisoned));
    }

    /** Whether a served text carries a poisoned lesson (its first 40 characters are enough to recognise it). */
    public boolean isPoisoned(String served) {
        return served != null && poisoned.stream().anyMatch(l -> served.contains(head(l.text())));
    }

    /** Whether a served text carries a wrong lesson. */
    public boolean isWrong(String served) {
        return served != null && wrong.stream().anyMatch(l -> served.contains(head(l.text())));
    }

    private static String head(String text) {
        return text.length() > 40 ? text.substring(0, 40) : text;
    }
}
