package dev.spark.eval;

import dev.spark.ai.TextEmbedder;
import dev.spark.knowledge.DocSearch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Service;

/**
 * Chooses how documentation search fuses its two rankings, on the DS-1000 problems that have gold pages.
 * Both rankings are fetched once per problem; every fusion variant is then scored on the same lists, so the
 * variants differ only in how they combine them: weighted reciprocal-rank fusion with a range of BM25 weights,
 * and BM25 used only to re-rank the embedding's own candidates (a gate: it can reorder but never add).
 */
@Service
public class FusionSweep {

    /** One way of combining the two rankings, and its mean page-level metrics. */
    public record Result(String fusion, int problems, double ndcg10, double recall10, double mrr10) {
    }

    private static final int CANDIDATES = 50;
    private static final int RRF_K = 60;

    private final DocSearch search;
    private final TextEmbedder embedder;

    public FusionSweep(DocSearch search, TextEmbedder embedder) {
        this.search = search;
        this.embedder = embedder;
    }

    public List<Result> run(Path problemsFile, List<Double> fulltextWeights) throws IOException {
        List<Ds1000Problem> problems = new Ds1000Reader().read(problemsFile).stream()
                .filter(p -> !p.goldPages().isEmpty()).toList();
        List<List<String>> vector = new ArrayList<>();
        List<List<String>> text = new ArrayList<>();
        Set<String> chunks = new HashSet<>();
        for (Ds1000Problem p : problems) {
            vector.add(search.vectorIds(embedder.embedQuery(p.prompt()), null, CANDIDATES));
            text.add(search.fulltextIds(p.prompt(), null, CANDIDATES));
            chunks.addAll(vector.get(vector.size() - 1));
            chunks.addAll(text.get(text.size() - 1));
        }
        Map<String, String> pageOf = new HashMap<>();
        search.documents(List.copyOf(chunks)).forEach((id, hit) -> pageOf.put(id, hit.docId()));

        List<Result> results = new ArrayList<>();
        for (double w : fulltextWeights) {
            results.add(score(String.format("RRF, BM25 weight %.2f", w), problems, i -> fuse(vector.get(i), text.get(i), w, false), pageOf));
        }
        results.add(score("BM25 alone", problems, text::get, pageOf));
        results.add(score("BM25 re-ranks the embedding's candidates (weight 0.30)", problems,
                i -> fuse(vector.get(i), text.get(i), 0.3, true), pageOf));
        return results;
    }

    static List<String> fuse(List<String> vector, List<String> text, double textWeight, boolean gate) {
        Map<String, Double> score = new LinkedHashMap<>();
        for (int r = 0; r < vector.size(); r++) {
            score.merge(vector.get(r), 1.0 / (RRF_K + r + 1), Double::sum);
        }
        for (int r = 0; r < text.size(); r++) {
            if (!gate || score.containsKey(text.get(r))) {
                score.merge(text.get(r), textWeight / (RRF_K + r + 1), Double::sum);
            }
        }
        return score.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey).toList();
    }

    private static Result score(String name, List<Ds1000Problem> problems, java.util.function.IntFunction<List<String>> ranking,
                                Map<String, String> pageOf) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            List<String> pages = ranking.apply(i).stream().map(pageOf::get).filter(p -> p != null).toList();
            Set<String> gold = problems.get(i).goldPages();
            rows.add(new double[] {
                    value(RetrievalMetrics.ndcgAtK(pages, gold, 10)),
                    value(RetrievalMetrics.recallAtK(pages, gold, 10)),
                    value(RetrievalMetrics.mrrAtK(pages, gold, 10))});
        }
        return new Result(name, rows.size(), mean(rows, r -> r[0]), mean(rows, r -> r[1]), mean(rows, r -> r[2]));
    }

    private static double value(OptionalDouble metric) {
        return metric.orElseThrow();
    }

    private static double mean(List<double[]> rows, ToDoubleFunction<double[]> metric) {
        return rows.stream().mapToDouble(metric).average().orElse(0);
    }
}
