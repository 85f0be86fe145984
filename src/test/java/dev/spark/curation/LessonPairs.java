package dev.spark.curation;

import dev.spark.ai.EmbeddingModelChoice;
import dev.spark.ai.TextEmbedder;
import dev.spark.curation.internal.MergeDecision;
import dev.spark.curation.internal.Similarity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled lesson pairs of {@code src/test/resources/curation/lesson-pairs.jsonl} embedded with the service's
 * default model, and a merge rule applied to them. The set splits by pair number: odd ids are the tuning half (rules
 * and thresholds were chosen on it), even ids the held-out half.
 */
final class LessonPairs {

    record Pair(String id, String kind, boolean same, double cosine, double apiOverlap, String a, List<String> apisA, String b,
                List<String> apisB) {
        boolean tuning() {
            return Integer.parseInt(id.substring(1)) % 2 == 1;
        }
    }

    /** Which pairs a score covers. */
    enum Half {
        TUNING, HELD_OUT, ALL;

        boolean contains(Pair p) {
            return this == ALL || (this == TUNING) == p.tuning();
        }
    }

    /** Outcome of the merge rule on the set. */
    record Score(String rule, int merged, int trueMerges, int falseMerges, int positives, int negatives) {
        double precision() {
            return merged == 0 ? 1.0 : (double) trueMerges / merged;
        }

        double recall() {
            return (double) trueMerges / positives;
        }

        double falseMergeRate() {
            return (double) falseMerges / negatives;
        }

        @Override
        public String toString() {
            return String.format("%s: precision %.3f, recall %.3f (%d/%d), false merges %d/%d (%.1f%%)",
                    rule, precision(), recall(), trueMerges, positives, falseMerges, negatives, 100 * falseMergeRate());
        }
    }

    private LessonPairs() {
    }

    static List<Pair> embedded() {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> rows = new ArrayList<>();
        try (InputStream in = LessonPairs.class.getResourceAsStream("/curation/lesson-pairs.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    rows.add(json.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> texts = new ArrayList<>();
        rows.forEach(r -> {
            texts.add(r.get("a").asString());
            texts.add(r.get("b").asString());
        });
        TextEmbedder embedder = new TextEmbedder(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, 2000);
        List<float[]> vectors = embedder.embedDocuments(texts);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            pairs.add(new Pair(r.get("id").asString(), r.get("kind").asString(), r.get("same").asBoolean(),
                    Similarity.cosine(vectors.get(2 * i), vectors.get(2 * i + 1)),
                    Similarity.apiOverlap(apis(r.get("apisA")), apis(r.get("apisB"))), r.get("a").asString(), apis(r.get("apisA")),
                    r.get("b").asString(), apis(r.get("apisB"))));
        }
        return pairs;
    }

    /** The cosine-only rule: merge when cosine >= similarity and API overlap >= overlap. */
    static Score score(List<Pair> pairs, double similarity, double overlap) {
        return score(pairs, Half.ALL, String.format("cosine >= %.2f, API overlap >= %.2f", similarity, overlap),
                new MergeDecision(similarity, overlap, false));
    }

    static Score score(List<Pair> pairs, Half half, String rule, MergeDecision decision) {
        int merged = 0;
        int trueMerges = 0;
        int falseMerges = 0;
        int positives = 0;
        int negatives = 0;
        for (Pair p : pairs) {
            if (!half.contains(p)) {
                continue;
            }
            boolean merge = merges(decision, p);
            positives += p.same() ? 1 : 0;
            negatives += p.same() ? 0 : 1;
            if (merge) {
                merged++;
                trueMerges += p.same() ? 1 : 0;
                falseMerges += p.same() ? 0 : 1;
            }
        }
        return new Score(rule + " [" + half + "]", merged, trueMerges, falseMerges, positives, negatives);
    }

    static boolean merges(MergeDecision decision, Pair p) {
        return decision.decide(p.a(), p.apisA(), p.b(), p.apisB(), p.cosine()).merge();
    }

    private static List<String> apis(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asString()));
        return out;
    }
}
