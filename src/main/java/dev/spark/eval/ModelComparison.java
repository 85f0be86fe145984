package dev.spark.eval;

import dev.spark.ai.EmbeddingModelChoice;
import dev.spark.ai.OnnxSettings;
import dev.spark.ai.TextEmbedder;
import dev.spark.knowledge.DocCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Compares the in-process embedding models on speed and on retrieval quality over the DS-1000 dev problems.
 * Embedding the whole corpus with every model would take most of an hour on two cores, so the comparison runs on
 * a sub-corpus: every chunk of every gold page plus a uniform random sample of the other chunks (fixed seed),
 * searched by brute-force cosine. Absolute figures are higher than on the whole corpus (fewer distractors);
 * the comparison between models is what it is for.
 */
public final class ModelComparison {

    public record Result(String model, int corpusChunks, double docsPerSecond, double queryMillis, double ndcg10,
                         double recall10, double mrr10) {
    }

    private record Chunk(String page, String text) {
    }

    private ModelComparison() {
    }

    /** Quality (and, in passing, batch speed with the default runtime settings) of each of {@code models}. */
    public static List<Result> run(Path problemsFile, Path docs, int distractors, int maxChars, int maxQueryChars,
                                   List<EmbeddingModelChoice> models) throws IOException {
        List<Ds1000Problem> problems = new Ds1000Reader().read(problemsFile).stream().filter(p -> !p.goldPages().isEmpty()).toList();
        Set<String> gold = problems.stream().flatMap(p -> p.goldPages().stream()).collect(Collectors.toSet());
        List<Chunk> goldChunks = new ArrayList<>();
        List<Chunk> others = new ArrayList<>();
        for (Chunk chunk : readCorpus(docs)) {
            (gold.contains(chunk.page()) ? goldChunks : others).add(chunk);
        }
        Collections.shuffle(others, new Random(42));
        List<Chunk> corpus = new ArrayList<>(goldChunks);
        corpus.addAll(others.subList(0, Math.min(distractors, others.size())));

        List<Result> results = new ArrayList<>();
        for (EmbeddingModelChoice choice : models) {
            TextEmbedder embedder = new TextEmbedder(choice, OnnxSettings.defaults(), maxChars, maxQueryChars, 0);
            embedder.embedDocuments(corpus.subList(0, 16).stream().map(Chunk::text).toList()); // warm-up
            long t0 = System.nanoTime();
            List<float[]> vectors = new ArrayList<>(corpus.size());
            for (int i = 0; i < corpus.size(); i += 64) {
                vectors.addAll(embedder.embedDocuments(corpus.subList(i, Math.min(corpus.size(), i + 64)).stream().map(Chunk::text).toList()));
            }
            double docsPerSecond = corpus.size() / ((System.nanoTime() - t0) / 1e9);
            double[] ndcg = new double[problems.size()];
            double[] recall = new double[problems.size()];
            double[] mrr = new double[problems.size()];
            long queryNanos = 0;
            for (int q = 0; q < problems.size(); q++) {
                Ds1000Problem p = problems.get(q);
                long a = System.nanoTime();
                float[] query = embedder.embedQuery(p.prompt());
                queryNanos += System.nanoTime() - a;
                double[] scores = vectors.stream().mapToDouble(v -> cosine(query, v)).toArray();
                List<String> pages = IntStream.range(0, corpus.size()).boxed()
                        .sorted(Comparator.comparingDouble(i -> -scores[i]))
                        .limit(200).map(i -> corpus.get(i).page()).toList();
                ndcg[q] = RetrievalMetrics.ndcgAtK(pages, p.goldPages(), 10).orElseThrow();
                recall[q] = RetrievalMetrics.recallAtK(pages, p.goldPages(), 10).orElseThrow();
                mrr[q] = RetrievalMetrics.mrrAtK(pages, p.goldPages(), 10).orElseThrow();
            }
            results.add(new Result(choice.modelName(), corpus.size(), docsPerSecond, queryNanos / 1e6 / problems.size(),
                    mean(ndcg), mean(recall), mean(mrr)));
        }
        return results;
    }

    private static List<Chunk> readCorpus(Path docs) throws IOException {
        return DocCorpus.readJsonl(docs).stream().map(r -> new Chunk(r.docId(), r.embeddingText())).toList();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(0);
    }
}
