package dev.spark.cli;

import dev.spark.ai.EmbeddingModelChoice;
import dev.spark.ai.OnnxSettings;
import dev.spark.ai.TextEmbedder;
import dev.spark.eval.Ds1000Problem;
import dev.spark.eval.Ds1000Reader;
import dev.spark.eval.EmbeddingSpeed;
import dev.spark.eval.ModelComparison;
import dev.spark.knowledge.DocCorpus;
import dev.spark.knowledge.DocRecord;
import dev.spark.knowledge.DocSearch;
import dev.spark.knowledge.DocumentIngestor;
import dev.spark.knowledge.IngestOptions;
import dev.spark.knowledge.IngestReport;
import dev.spark.knowledge.SearchMode;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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

        @Option(names = "--batch-size", defaultValue = "" + IngestOptions.DEFAULT_BATCH_SIZE,
                description = "records per embedding batch and per transaction (default ${DEFAULT-VALUE}, as spark ingest)")
        int batchSize;

        @Option(names = "--per-library", defaultValue = "0", description = "instead of the whole corpus, ingest this many "
                + "random blobs (fixed seed) of each library file, one library after another as a load runs, each with "
                + "the raw embedding throughput of its own texts measured just before and after it (0: the whole corpus)")
        int perLibrary;

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
                report.add("Embedding model: " + embedder.modelName() + " (" + embedder.settings().describe() + ")");

                if (perLibrary > 0) {
                    report.addAll(perLibrary(embedder, ingestor, context.getBean(MeterRegistry.class), dir));
                    System.out.println(String.join("\n", report));
                    return 0;
                }
                List<String> sample = sampleTexts(docs, embedSample);
                embedder.embedDocuments(sample.subList(0, Math.min(32, sample.size()))); // warm-up
                long t0 = System.nanoTime();
                for (int i = 0; i < sample.size(); i += 64) {
                    embedder.embedDocuments(sample.subList(i, Math.min(sample.size(), i + 64)));
                }
                double rawRate = sample.size() / ((System.nanoTime() - t0) / 1e9);
                System.err.printf("raw embedding: %.1f texts/s%n", rawRate);

                IngestReport first = ingestor.ingest(docs, options(), new TerminalProgress("Ingest"));
                double ingestRate = first.read() / (first.elapsed().toNanos() / 1e9);
                IngestReport again = ingestor.ingest(docs, options(), new TerminalProgress("Re-ingest"));

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

        /**
         * Library by library, in the order a load reads them: raw embedding of the library's sampled texts, the
         * ingestion of the same blobs, raw embedding again. The ratio is taken against the mean of the two raw rates,
         * so a load on the machine that changes during the stage reaches both sides.
         */
        private List<String> perLibrary(TextEmbedder embedder, DocumentIngestor ingestor, MeterRegistry meters, Path dir) throws IOException {
            Path samples = Files.createDirectories(dir.resolve("per-library-sample"));
            List<Path> files;
            try (var list = Files.list(docs)) {
                files = list.filter(f -> f.getFileName().toString().endsWith(".jsonl.gz") || f.getFileName().toString().endsWith(".jsonl"))
                        .sorted().toList();
            }
            embedder.embedDocuments(sampleTexts(docs, 32)); // warm-up
            List<String> rows = new ArrayList<>();
            rows.add("");
            rows.add(String.format("Per library: %d random blobs of each file (fixed seed), ingested one library after another "
                    + "into one database; raw = the same texts embedded alone in batches of 64, just before and just after "
                    + "the library's ingestion.", perLibrary));
            rows.add("");
            rows.add("| library | blobs | mean chars embedded | raw before, texts/s | ingestion, blobs/s | raw after, texts/s | ingestion / mean raw "
                    + "| ingestion s: embed / stored hashes / waiting for the write / write (beside the next embedding) |");
            rows.add("|---|---|---|---|---|---|---|---|");
            long blobs = 0;
            double ingestSeconds = 0;
            double rawSeconds = 0;
            for (Path file : files) {
                String library = file.getFileName().toString().replaceAll("\\.jsonl(\\.gz)?$", "");
                Path sample = samples.resolve(library + ".jsonl");
                List<String> lines = new ArrayList<>();
                try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                        dev.spark.knowledge.Utf8Lines.open(file), java.nio.charset.StandardCharsets.UTF_8))) {
                    reader.lines().forEach(lines::add);
                }
                Collections.shuffle(lines, new Random(42));
                Files.write(sample, lines.subList(0, Math.min(perLibrary, lines.size())));
                List<String> texts = DocCorpus.readJsonl(sample).stream().map(DocRecord::embeddingText).toList();
                double meanChars = texts.stream().mapToInt(t -> Math.min(t.length(), embedder.maxChars())).average().orElse(0);
                double before = rawRate(embedder, texts);
                Map<String, double[]> stagesBefore = TimerTotals.of(meters, DocumentIngestor.STAGE_TIMER, "stage");
                IngestReport report = ingestor.ingest(sample, options(), new TerminalProgress(library));
                Map<String, Double> stages = new HashMap<>();
                TimerTotals.of(meters, DocumentIngestor.STAGE_TIMER, "stage").forEach((stage, now) ->
                        stages.put(stage, (now[1] - stagesBefore.getOrDefault(stage, new double[2])[1]) / 1000));
                double after = rawRate(embedder, texts);
                double seconds = report.elapsed().toNanos() / 1e9;
                double rate = report.read() / seconds;
                blobs += report.read();
                ingestSeconds += seconds;
                rawSeconds += texts.size() / ((before + after) / 2);
                rows.add(String.format("| %s | %d | %.0f | %.1f | %.1f | %.1f | **%.2f** | %.1f / %.1f / %.1f / %.1f |", library, report.read(),
                        meanChars, before, rate, after, rate / ((before + after) / 2), stages.getOrDefault("embed", 0.0),
                        stages.getOrDefault("hashes", 0.0), stages.getOrDefault("wait", 0.0), stages.getOrDefault("write", 0.0)));
            }
            rows.add(String.format("| all | %d | | | %.1f | | %.2f |", blobs, blobs / ingestSeconds, rawSeconds / ingestSeconds));
            return rows;
        }

        private IngestOptions options() {
            IngestOptions defaults = IngestOptions.defaults();
            return new IngestOptions(defaults.library(), defaults.version(), batchSize, defaults.maxChunkChars());
        }

        private static double rawRate(TextEmbedder embedder, List<String> texts) {
            long t0 = System.nanoTime();
            for (int i = 0; i < texts.size(); i += 64) {
                embedder.embedDocuments(texts.subList(i, Math.min(texts.size(), i + 64)));
            }
            return texts.size() / ((System.nanoTime() - t0) / 1e9);
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

        @Option(names = "--max-query-chars", defaultValue = "1000", description = "DS-1000 prompts cut to this length before embedding "
                + "(default ${DEFAULT-VALUE}, as spark.embedding.max-query-chars)")
        int maxQueryChars;

        @Option(names = "--models", split = ",", description = "models compared (default: all of them)")
        List<EmbeddingModelChoice> models;

        @Option(names = "--rounds", defaultValue = "5", description = "speed rounds; each runs every combination once, "
                + "in a shuffled order (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--speed-texts", defaultValue = "128", description = "corpus texts embedded in batches of 64 per "
                + "combination and round (default ${DEFAULT-VALUE})")
        int speedTexts;

        @Option(names = "--speed-queries", defaultValue = "20", description = "DS-1000 prompts embedded one by one per "
                + "combination and round (default ${DEFAULT-VALUE})")
        int speedQueries;

        @Option(names = "--quality", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "also measure retrieval quality per model on the sub-corpus (default ${DEFAULT-VALUE})")
        boolean quality;

        @Override
        public Integer call() throws IOException {
            List<EmbeddingModelChoice> chosen = models == null || models.isEmpty() ? List.of(EmbeddingModelChoice.values()) : models;
            System.out.println("Machine: " + Machine.describe());
            if (rounds > 0) {
                speed(chosen);
            }
            if (quality) {
                quality(chosen);
            }
            return 0;
        }

        private void speed(List<EmbeddingModelChoice> chosen) throws IOException {
            List<EmbeddingSpeed.Row> rows = EmbeddingSpeed.measure(combinations(chosen), sampleTexts(docs, speedTexts),
                    prompts(problems, speedQueries), rounds, maxChars, maxQueryChars, System.err::println);
            System.out.println();
            System.out.printf("Speed: %d corpus texts in batches of 64 and %d DS-1000 prompts one by one (no cache) per "
                    + "combination and round; medians of %d interleaved rounds; ratios against the model's first row, "
                    + "taken within each round. Load average after the run: %s.%n%n", speedTexts, speedQueries, rounds,
                    Machine.loadAverage());
            System.out.println("| model | ONNX Runtime settings | texts/s | × first | ms per query | × first | vectors vs first: max abs Δ, min cosine |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (EmbeddingSpeed.Row r : rows) {
                System.out.printf("| %s | %s | %.1f | %.2f | %.1f | %.2f | %.1e, %.5f |%n", r.combination().model().modelName(),
                        r.combination().settings().describe(), r.textsPerSecond(), r.batchRatio(), r.queryMillis(),
                        r.queryRatio(), r.maxDelta(), r.minCosine());
            }
        }

        private void quality(List<EmbeddingModelChoice> chosen) throws IOException {
            System.out.println();
            System.out.println("| model | sub-corpus chunks | docs/s (batches of 64) | ms per query | NDCG@10 | Recall@10 | MRR@10 |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (ModelComparison.Result r : ModelComparison.run(problems, docs, distractors, maxChars, maxQueryChars, chosen)) {
                System.out.printf("| %s | %d | %.1f | %.1f | %.3f | %.3f | %.3f |%n", r.model(), r.corpusChunks(),
                        r.docsPerSecond(), r.queryMillis(), r.ndcg10(), r.recall10(), r.mrr10());
            }
            System.out.println();
            System.out.println("Machine after the run: " + Machine.describe());
        }

        /**
         * Spark's defaults first for every model, then threads varied one way at a time; the graph optimisation
         * levels and the parallel execution mode for the first model only (they were not expected to matter, and
         * each combination holds a session).
         */
        static List<EmbeddingSpeed.Combination> combinations(List<EmbeddingModelChoice> models) {
            OnnxSettings defaults = OnnxSettings.defaults();
            int cores = defaults.resolvedIntraOpThreads();
            List<EmbeddingSpeed.Combination> all = new ArrayList<>();
            for (EmbeddingModelChoice model : models) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                List<OnnxSettings> variants = new ArrayList<>(List.of(defaults,
                        defaults.withIntraOpThreads(1), defaults.withParallelTexts(1),
                        defaults.withIntraOpThreads(1).withParallelTexts(1)));
                if (cores > 2) {
                    variants.add(defaults.withIntraOpThreads(Math.max(1, cores / 2)));
                }
                if (model == models.get(0)) {
                    for (OnnxSettings.GraphOptimization level : List.of(OnnxSettings.GraphOptimization.EXTENDED,
                            OnnxSettings.GraphOptimization.BASIC, OnnxSettings.GraphOptimization.NONE)) {
                        variants.add(defaults.withOptimization(level));
                    }
                    variants.add(defaults.withExecutionMode(OnnxSettings.ExecutionMode.PARALLEL));
                }
                for (OnnxSettings s : variants) {
                    if (seen.add(s.describe())) {
                        all.add(new EmbeddingSpeed.Combination(model, s));
                    }
                }
            }
            return all;
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
