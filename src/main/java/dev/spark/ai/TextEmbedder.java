package dev.spark.ai;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns text into the 384-dimension vectors stored in the graph. Documents and queries are embedded
 * differently for models trained with a query instruction (bge), so callers say which one they have.
 * Thread-safe: the ONNX session is shared.
 */
public class TextEmbedder {

    private static final Logger log = LoggerFactory.getLogger(TextEmbedder.class);

    private final EmbeddingModelChoice choice;
    private final EmbeddingModel model;
    private final int maxChars;

    public TextEmbedder(EmbeddingModelChoice choice, int maxChars) {
        long started = System.nanoTime();
        this.choice = choice;
        this.model = choice.load();
        this.maxChars = maxChars;
        log.info("Embedding model {} loaded in {} ms", choice.modelName(), (System.nanoTime() - started) / 1_000_000);
    }

    public String modelName() {
        return choice.modelName();
    }

    public int dimensions() {
        return model.dimension();
    }

    /** Embeds a search query (a task, a question). */
    public float[] embedQuery(String text) {
        return model.embed(choice.queryPrefix() + cut(text)).content().vector();
    }

    /** Embeds one stored passage (documentation, lesson, task). */
    public float[] embedDocument(String text) {
        return model.embed(cut(text)).content().vector();
    }

    /** Embeds stored passages in one batch; the result is in the order of {@code texts}. */
    public List<float[]> embedDocuments(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(cut(t))).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    private String cut(String text) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars);
    }
}
