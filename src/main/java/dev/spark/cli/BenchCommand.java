package dev.spark.cli;

import dev.spark.ai.TextEmbedder;
import dev.spark.eval.Ds1000Problem;
import dev.spark.eval.Ds1000Reader;
import dev.spark.eval.ModelComparison;
import dev.spark.knowledge.DocCorpus;
import dev.spark.knowledge.DocRecord;
import dev.spark.knowledge.DocSearch;
import dev.spark.knowledge.DocumentIngestor;
import dev.spark.knowledge.IngestOptions;
import dev.spark.knowledge.IngestReport;
import dev.spark.knowledge.SearchMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks; results are printed as Markdown for docs/benchmarks.md.",
        subcommands = {BenchCommand.Knowledge.class, ExperienceBench.class, CurationBench.class, BenchCommand.Models.class, LoadBench.class})
final class BenchCommand {

    @Command(name = "knowledge", mixinStandardHelpOptions = true,
            description = "Ingest a documentation corpus into a fresh embedded database and measure ingestion "
                    + "against raw embedding throughput, re-ingestion, and searchDocs latency over DS-1000 prompts.")
    static final class Knowledge implements Callable<Integer> {

        @Option(names = "--docs", defaultValue = SharedData.DOCS, description = "documentation (default ${DEFAULT-VALUE})")
        Path docs;

        @Option(names = "--problems", defaultValue = SharedData.PROBLEMS,
                description = "DS-1000 problems whose prompts are the queries (default ${DEFAULT-VALUE})")
        Path problems;

        @Option(names = "--home", description = "database directory (default: a new temporary one); an existing "
                + "database makes the first ingestion a re-ingestion")
        Path home;

        @Option(names = "--embed-sample", defaultValue = "1000", description = "corpus texts embedded alone to measure raw throughput")
        int embedSample;

        @Option(names = "--queries", defaultValue = "500", description = "search queries")
        int queries;

        private final ContextLauncher launcher;

        Knowledge(ContextLauncher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() throws IOException {
            Path dir = home != null ? home : Files.createTempDirectory("spark-bench-");
            List<String> report = new ArrayList<>();
            report.add("Machine: " + Machine.describe() + "; database: " + dir);
            try (var context = launcher.privateDatabase(dir, Map.of())) {
                TextEmbedder embedder = context.getBean(TextEmbedder.class);
                DocumentIngestor ingestor = context.getBean(DocumentIngestor.class);
                DocSearch search = context.getBean(DocSearch.class);
                report.add("Embedding model: " + embedder.modelName());

                List<String> sample = sampleTexts(docs, embedSample);
                embedder.embedDocuments(sample.subList(0, Math.min(32, sample.size()))); // warm-up
                long t0 = System.nanoTime();
                for (int i = 0; i < sample.size(); i += 64) {
                    embedder.embedDocuments(sample.subList(i, Math.min(sample.size(), i + 64)));
                }
                double rawRate = sample.size() / ((System.nanoTime() - t0) / 1e9);
                System.err.printf("raw embedding: %.1f texts/s%n", rawRate);

                IngestReport first = ingestor.ingest(docs, IngestOptions.defaults(), new TerminalProgress("Ingest"));
                double ingestRate = first.read() / (first.elapsed().toNanos() / 1e9);
                IngestReport again = ingestor.ingest(docs, IngestOptions.defaults(), new TerminalProgress("Re-ingest"));

                report.add("");
                report.add("| ingestion | figure |\n|---|---|");
                report.add(String.format("| blobs | %d (%d created, %d embedded, %d rejected) |", first.read(), first.created(), first.embedded(), first.problems().size()));
                report.add(String.format("| first ingestion | %.1f s, %.1f blobs/s |", first.elapsed().toMillis() / 1000.0, ingestRate));
                report.add(String.format("| raw embedding throughput, %d corpus texts in batches of 64 | %.1f texts/s |", sample.size(), rawRate));
                report.add(String.format("| ingestion rate / raw embedding rate | %.2f |", ingestRate / rawRate));
                report.add(String.format("| re-ingestion of the unchanged corpus | %.1f s (%.1f%% of the first; %d embedded, %d written) |",
                        again.elapsed().toMillis() / 1000.0, 100.0 * again.elapsed().toNanos() / first.elapsed().toNanos(),
                        again.embedded(), again.created() + again.updated()));

                List<String> prompts = prompts(problems, queries);
                for (int i = 0; i < Math.min(20, prompts.size()); i++) { // warm-up
                    search.search(prompts.get(i), embedder.embedQuery(prompts.get(i)), null, 10, SearchMode.HYBRID);
                }
                List<Long> embedOnly = new ArrayList<>();
                List<Long> searchOnly = new ArrayList<>();
                List<Long> total = new ArrayList<>();
                List<Long> vectorOnly = new ArrayList<>();
                List<Long> textOnly = new ArrayList<>();
                for (String prompt : prompts) {
                    long a = System.nanoTime();
                    float[] vector = embedder.embedQuery(prompt);
                    long b = System.nanoTime();
                    search.search(prompt, vector, null, 10, SearchMode.HYBRID);
                    long c = System.nanoTime();
                    search.search(prompt, vector, null, 10, SearchMode.VECTOR);
                    long d = System.nanoTime();
                    search.search(prompt, null, null, 10, SearchMode.FULLTEXT);
                    long e = System.nanoTime();
                    embedOnly.add(b - a);
                    searchOnly.add(c - b);
                    total.add(c - a);
                    vectorOnly.add(d - c);
                    textOnly.add(e - d);
                }
                report.add("");
                report.add(Stats.header());
                report.add(Stats.ofNanos(embedOnly).row("embed the prompt (the floor)"));
                report.add(Stats.ofNanos(searchOnly).row("searchDocs on top of the embedding (hybrid, k=10)"));
                report.add(Stats.ofNanos(total).row("searchDocs end to end, in-process"));
                report.add(Stats.ofNanos(vectorOnly).row("for comparison: vector k-NN only (+ hydration)"));
                report.add(Stats.ofNanos(textOnly).row("for comparison: full-text only (+ hydration)"));
                long[] rss = Machine.residentMiB();
                report.add("");
                report.add(String.format("Resident memory of the benchmark process: %d MiB now, %d MiB peak.", rss[0], rss[1]));
            }
            System.out.println(String.join("\n", report));
            return 0;
        }
    }

    @Command(name = "models", mixinStandardHelpOptions = true,
            description = "Compare the in-process embedding models: speed, and retrieval quality on the DS-1000 dev "
                    + "problems over a sub-corpus (all gold pages plus random distractors), by brute-force cosine.")
    static final class Models implements Callable<Integer> {

        @Option(names = "--docs", defaultValue = SharedData.DOCS, description = "documentation (default ${DEFAULT-VALUE})")
        Path docs;

        @Option(names = "--problems", defaultValue = SharedData.PROBLEMS, description = "problems (default ${DEFAULT-VALUE})")
        Path problems;

        @Option(names = "--distractors", defaultValue = "3000", description = "random non-gold chunks added (default ${DEFAULT-VALUE})")
        int distractors;

        @Option(names = "--max-chars", defaultValue = "2000", description = "texts cut to this length before embedding (default ${DEFAULT-VALUE})")
        int maxChars;

        @Override
        public Integer call() throws IOException {
            System.out.println("Machine: " + Machine.describe());
            System.out.println();
            System.out.println("| model | sub-corpus chunks | docs/s (batches of 64) | ms per query | NDCG@10 | Recall@10 | MRR@10 |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (ModelComparison.Result r : ModelComparison.run(problems, docs, distractors, maxChars)) {
                System.out.printf("| %s | %d | %.1f | %.1f | %.3f | %.3f | %.3f |%n", r.model(), r.corpusChunks(),
                        r.docsPerSecond(), r.queryMillis(), r.ndcg10(), r.recall10(), r.mrr10());
            }
            return 0;
        }
    }

    /** A uniform random sample (fixed seed) of corpus texts, as ingestion would embed them. */
    static List<String> sampleTexts(Path docs, int n) throws IOException {
        List<String> texts = new ArrayList<>(DocCorpus.readJsonl(docs).stream().map(DocRecord::embeddingText).toList());
        Collections.shuffle(texts, new Random(42));
        return texts.subList(0, Math.min(n, texts.size()));
    }

    static List<String> prompts(Path problems, int n) throws IOException {
        return new Ds1000Reader().read(problems).stream().map(Ds1000Problem::prompt).limit(n).toList();
    }
}
