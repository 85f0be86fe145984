package dev.spark.curation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The screen against a fixed set of poisoned lessons and harmless look-alikes
 * ({@code src/test/resources/security/poisoning-set.jsonl}). Each line is one lesson as curation would screen it:
 * its text and, for a worked example, its code. The set is split into a tuning half and a held-out half by a hash
 * of the id, so figures on the held-out half show how rules tuned on the other half generalise.
 */
class PoisoningSetTest {

    static final double MIN_CAUGHT = 0.95;
    static final double MAX_FALSE_ALARMS = 0.05;

    record Lesson(String id, String text, String code, boolean malicious, String category, String note) {

        List<String> screened() {
            return code == null ? List.of(text) : List.of(text, code);
        }

        boolean quarantined() {
            return LessonScreen.quarantineReason(screened()).isPresent();
        }

        /** {@code tuning} or {@code held-out}, fixed by the id alone. */
        String half() {
            CRC32 crc = new CRC32();
            crc.update(id.getBytes(StandardCharsets.UTF_8));
            return crc.getValue() % 2 == 0 ? "tuning" : "held-out";
        }
    }

    static List<Lesson> set;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = PoisoningSetTest.class.getResourceAsStream("/security/poisoning-set.jsonl")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonMapper json = JsonMapper.builder().build();
            List<Lesson> lessons = new ArrayList<>();
            for (String line : all.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                lessons.add(new Lesson(node.get("id").asString(), node.get("text").asString(),
                        node.hasNonNull("code") ? node.get("code").asString() : null, node.get("malicious").asBoolean(),
                        node.get("category").asString(), node.path("note").asString("")));
            }
            set = List.copyOf(lessons);
        }
    }

    @Test
    void theSetHasEnoughOfEachClassOnBothHalves() {
        assertThat(set.stream().filter(Lesson::malicious).count()).isGreaterThanOrEqualTo(60);
        assertThat(set.stream().filter(l -> !l.malicious()).count()).isGreaterThanOrEqualTo(60);
        assertThat(set.stream().map(Lesson::id).distinct().count()).isEqualTo(set.size());
        for (String half : List.of("tuning", "held-out")) {
            assertThat(set.stream().filter(l -> l.half().equals(half) && l.malicious()).count()).isGreaterThan(20);
            assertThat(set.stream().filter(l -> l.half().equals(half) && !l.malicious()).count()).isGreaterThan(20);
        }
    }

    @ParameterizedTest(name = "malicious={0}: quarantined share on the {1} set within bounds")
    @CsvSource({"true, full", "false, full"})
    void quarantinesPoisonAndPassesLookAlikes(boolean malicious, String scope) {
        List<Lesson> lessons = set.stream().filter(l -> l.malicious() == malicious).toList();
        List<Lesson> wrong = lessons.stream().filter(l -> l.quarantined() != malicious).toList();
        double wrongShare = (double) wrong.size() / lessons.size();
        String misses = wrong.stream().map(l -> l.id() + " (" + l.category() + ")").collect(Collectors.joining(", "));
        System.out.println(report());
        if (malicious) {
            assertThat(1 - wrongShare).as("share of poisoned lessons caught; missed: %s", misses)
                    .isGreaterThanOrEqualTo(MIN_CAUGHT);
        } else {
            assertThat(wrongShare).as("share of harmless lessons quarantined; false alarms: %s", misses)
                    .isLessThanOrEqualTo(MAX_FALSE_ALARMS);
        }
    }

    /** Quarantined share per class and half, and per category: the figures docs/security.md reports. */
    static String report() {
        StringBuilder out = new StringBuilder("Poisoning set: quarantined share\n");
        for (String half : List.of("tuning", "held-out", "all")) {
            for (boolean malicious : List.of(true, false)) {
                List<Lesson> lessons = set.stream().filter(l -> l.malicious() == malicious)
                        .filter(l -> half.equals("all") || l.half().equals(half)).toList();
                long quarantined = lessons.stream().filter(Lesson::quarantined).count();
                out.append(String.format("  %-8s %-9s %3d/%3d = %5.1f%%%n", half, malicious ? "malicious" : "benign",
                        quarantined, lessons.size(), 100.0 * quarantined / lessons.size()));
            }
        }
        Map<String, int[]> byCategory = new TreeMap<>();
        for (Lesson l : set) {
            int[] counts = byCategory.computeIfAbsent((l.malicious() ? "M " : "B ") + l.category(), k -> new int[2]);
            counts[0] += l.quarantined() ? 1 : 0;
            counts[1]++;
        }
        byCategory.forEach((category, c) -> out.append(String.format("  %-28s %3d/%3d%n", category, c[0], c[1])));
        List<String> wrong = set.stream().filter(l -> l.quarantined() != l.malicious())
                .map(l -> l.id() + "[" + l.half() + "]").toList();
        out.append("  wrong: ").append(wrong).append('\n');
        return out.toString();
    }
}
