package dev.spark.ai;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns text into the 384-dimension vectors stored in the graph. Documents and queries are embedded
 * differently for models trained with a query instruction (bge), so callers say which one they have.
 * Thread-safe: the ONNX session is shared. Query embeddings are kept in a bounded cache (Caffeine: when full,
 * the rarely asked go first): agents ask again about the same task, and the embedding is most of what an answer
 * costs.
 */
public class TextEmbedder {

    private static final Logger log = LoggerFactory.getLogger(TextEmbedder.class);

    private static final String AS_GIVEN = "the weights given";

    private final EmbeddingModelChoice choice;
    private final OnnxSettings settings;
    private final EmbeddingModel model;
    private final int maxChars;
    private final int maxQueryChars;
    private final Cache<String, float[]> queries;
    private final String weightsChosen;

    /** Cuts queries and passages alike, at {@code maxChars}. */
    public TextEmbedder(EmbeddingModelChoice choice, int maxChars) {
        this(choice, OnnxSettings.defaults(), maxChars, maxChars, 0);
    }

    /**
     * Runs exactly the weights of {@code choice} (benchmarks compare weights this way).
     *
     * @param maxChars      passages are cut to this many characters
     * @param maxQueryChars queries are cut to this many characters
     * @param queryCache    query embeddings to keep; 0 keeps none
     */
    public TextEmbedder(EmbeddingModelChoice choice, OnnxSettings settings, int maxChars, int maxQueryChars, int queryCache) {
        this(choice, settings, timedLoad(choice, settings), maxChars, maxQueryChars, queryCache, AS_GIVEN);
    }

    /**
     * Runs the weights of {@code configured}'s vector space that {@code weights} asks for: with {@link EmbeddingWeights#AUTO},
     * those this CPU embeds faster ({@link WeightsSelection}).
     *
     * @param queryCache query embeddings to keep; 0 keeps none
     */
    public static TextEmbedder forThisCpu(EmbeddingModelChoice configured, EmbeddingWeights weights, OnnxSettings settings,
                                          int maxChars, int maxQueryChars, int queryCache) {
        long started = System.nanoTime();
        CpuFeatures cpu = CpuFeatures.detect();
        WeightsSelection.Selected selected = WeightsSelection.select(configured, weights, cpu, c -> c.load(settings),
                WeightsSelection::timeSample);
        logLoaded(selected.choice(), settings, started, cpu, "; weights: " + selected.reason());
        return new TextEmbedder(selected.choice(), settings, selected.model(), maxChars, maxQueryChars, queryCache, selected.reason());
    }

    TextEmbedder(EmbeddingModelChoice choice, EmbeddingModel model, int maxChars, int maxQueryChars, int queryCache) {
        this(choice, OnnxSettings.defaults(), model, maxChars, maxQueryChars, queryCache, AS_GIVEN);
    }

    private TextEmbedder(EmbeddingModelChoice choice, OnnxSettings settings, EmbeddingModel model, int maxChars, int maxQueryChars,
                         int queryCache, String weightsChosen) {
        this.weightsChosen = weightsChosen;
        this.choice = choice;
        this.settings = settings;
        this.model = model;
        this.maxChars = maxChars;
        this.maxQueryChars = maxQueryChars;
        // eviction runs on the calling thread: cheap, and it keeps the bound exact instead of borrowing a pool thread
        this.queries = Caffeine.newBuilder().maximumSize(Math.max(0, queryCache)).executor(Runnable::run).build();
    }

    private static EmbeddingModel timedLoad(EmbeddingModelChoice choice, OnnxSettings settings) {
        long started = System.nanoTime();
        EmbeddingModel model = choice.load(settings);
        logLoaded(choice, settings, started, CpuFeatures.detect(), "");
        return model;
    }

    private static void logLoaded(EmbeddingModelChoice choice, OnnxSettings settings, long startedNanos, CpuFeatures cpu, String why) {
        // every embedding figure depends on these facts, so they share one line
        log.info("Embedding model {} ({}) loaded in {} ms; CPU: {}{}", choice.modelName(), settings.describe(),
                (System.nanoTime() - startedNanos) / 1_000_000, cpu.describe(), why);
        if (choice.int8() && !cpu.vnni()) {
            log.info("This CPU has no VNNI: the int8 model {} runs about 2-3 times slower here than on CPUs with it "
                    + "(docs/benchmarks.md, \"Embedding speed across CPUs\")", choice.modelName());
        }
    }

    public String modelName() {
        return choice.modelName();
    }

    public EmbeddingModelChoice choice() {
        return choice;
    }

    /** Why these weights run, e.g. {@code int8, as this CPU has VNNI} ({@link EmbeddingWeights}). */
    public String weightsChosen() {
        return weightsChosen;
    }

    /** Stored passages are cut to this many characters before embedding. */
    public int maxChars() {
        return maxChars;
    }

    /** Queries are cut to this many characters before embedding. */
    public int maxQueryChars() {
        return maxQueryChars;
    }

    /** The ONNX Runtime settings the model runs with. */
    public OnnxSettings settings() {
        return settings;
    }

    public int dimensions() {
        return model.dimension();
    }

    /**
     * Embeds a search query (a task, a question), its first {@link #maxQueryChars()} characters; the same text again is
     * answered from the cache.
     */
    public float[] embedQuery(String text) {
        String query = choice.queryPrefix() + cut(text, maxQueryChars);
        // callers get a copy: the cached vector must not change under the next caller
        return queries.get(query, q -> model.embed(q).content().vector()).clone();
    }

    /** Embeds one stored passage (documentation, lesson, task). */
    public float[] embedDocument(String text) {
        return model.embed(cut(text, maxChars)).content().vector();
    }

    /** Embeds stored passages in one batch; the result is in the order of {@code texts}. */
    public List<float[]> embedDocuments(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(cut(t, maxChars))).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        // never half a surrogate pair
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }
}
