package dev.spark.eval;

import dev.spark.ai.EmbeddingModelChoice;
import dev.spark.ai.OnnxSettings;
import dev.spark.ai.TextEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Embedding speed of model × ONNX Runtime settings combinations, measured side by side: every round runs every
 * combination once (in a shuffled order), so a load that comes and goes on a shared machine reaches all of them
 * alike, and each figure is the median over rounds. Ratios are taken within a round, against the model's first
 * setting, before the median. Settings do not change what a model computes; {@link Row#maxDelta()} checks that on
 * the batch texts against the model's first setting.
 */
public final class EmbeddingSpeed {

    /** One model with one set of runtime settings. */
    public record Combination(EmbeddingModelChoice model, OnnxSettings settings) {
    }

    /**
     * @param textsPerSecond  median over rounds of texts per second, batches of 64
     * @param queryMillis     median over rounds of the median milliseconds per single query (no cache)
     * @param batchRatio      median over rounds of textsPerSecond / the model's reference setting in the same round
     * @param queryRatio      same for query milliseconds
     * @param maxDelta        largest absolute difference of a vector component from the reference setting's vectors
     *                        (0 for the reference itself)
     * @param minCosine       lowest cosine between a vector and the reference setting's vector of the same text
     */
    public record Row(Combination combination, double textsPerSecond, double queryMillis, double batchRatio,
                      double queryRatio, double maxDelta, double minCosine) {
    }

    private EmbeddingSpeed() {
    }

    /**
     * @param combinations the first combination of each model is its reference
     * @param texts        documents embedded in batches of 64 each round
     * @param queries      queries embedded one by one each round
     * @param progress     receives a line per finished round
     */
    public static List<Row> measure(List<Combination> combinations, List<String> texts, List<String> queries, int rounds,
                                    int maxChars, int maxQueryChars, java.util.function.Consumer<String> progress) {
        Map<Combination, TextEmbedder> embedders = new LinkedHashMap<>();
        Map<EmbeddingModelChoice, Combination> reference = new LinkedHashMap<>();
        for (Combination c : combinations) {
            embedders.put(c, new TextEmbedder(c.model(), c.settings(), maxChars, maxQueryChars, 0));
            reference.putIfAbsent(c.model(), c);
        }
        Map<Combination, List<float[]>> firstVectors = new LinkedHashMap<>();
        Map<Combination, List<Double>> rates = new LinkedHashMap<>();
        Map<Combination, List<Double>> millis = new LinkedHashMap<>();
        Map<Combination, List<Double>> rateRatios = new LinkedHashMap<>();
        Map<Combination, List<Double>> millisRatios = new LinkedHashMap<>();
        for (Combination c : combinations) { // warm-up, and the vectors compared across settings
            TextEmbedder e = embedders.get(c);
            firstVectors.put(c, e.embedDocuments(texts));
            queries.stream().limit(3).forEach(e::embedQuery);
        }
        Random order = new Random(7);
        for (int round = 0; round < rounds; round++) {
            List<Combination> shuffled = new ArrayList<>(combinations);
            Collections.shuffle(shuffled, order);
            Map<Combination, double[]> thisRound = new LinkedHashMap<>();
            for (Combination c : shuffled) {
                TextEmbedder e = embedders.get(c);
                long t0 = System.nanoTime();
                for (int i = 0; i < texts.size(); i += 64) {
                    e.embedDocuments(texts.subList(i, Math.min(texts.size(), i + 64)));
                }
                double rate = texts.size() / ((System.nanoTime() - t0) / 1e9);
                double[] each = new double[queries.size()];
                for (int q = 0; q < queries.size(); q++) {
                    long a = System.nanoTime();
                    e.embedQuery(queries.get(q));
                    each[q] = (System.nanoTime() - a) / 1e6;
                }
                thisRound.put(c, new double[] {rate, median(each)});
            }
            for (Combination c : combinations) {
                double[] own = thisRound.get(c);
                double[] ref = thisRound.get(reference.get(c.model()));
                rates.computeIfAbsent(c, k -> new ArrayList<>()).add(own[0]);
                millis.computeIfAbsent(c, k -> new ArrayList<>()).add(own[1]);
                rateRatios.computeIfAbsent(c, k -> new ArrayList<>()).add(own[0] / ref[0]);
                millisRatios.computeIfAbsent(c, k -> new ArrayList<>()).add(own[1] / ref[1]);
            }
            progress.accept("round " + (round + 1) + " of " + rounds + " done");
        }
        List<Row> rows = new ArrayList<>();
        for (Combination c : combinations) {
            rows.add(new Row(c, median(rates.get(c)), median(millis.get(c)), median(rateRatios.get(c)),
                    median(millisRatios.get(c)), maxDelta(firstVectors.get(c), firstVectors.get(reference.get(c.model()))),
                    minCosine(firstVectors.get(c), firstVectors.get(reference.get(c.model())))));
        }
        return rows;
    }

    static double maxDelta(List<float[]> a, List<float[]> b) {
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.get(i).length; j++) {
                max = Math.max(max, Math.abs(a.get(i)[j] - b.get(i)[j]));
            }
        }
        return max;
    }

    static double minCosine(List<float[]> a, List<float[]> b) {
        double min = 1;
        for (int i = 0; i < a.size(); i++) {
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int j = 0; j < a.get(i).length; j++) {
                dot += a.get(i)[j] * b.get(i)[j];
                na += a.get(i)[j] * a.get(i)[j];
                nb += b.get(i)[j] * b.get(i)[j];
            }
            min = Math.min(min, dot / Math.sqrt(na * nb));
        }
        return min;
    }

    static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
