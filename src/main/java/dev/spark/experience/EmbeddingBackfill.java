package dev.spark.experience;

import dev.spark.ai.TextEmbedder;
import dev.spark.experience.internal.ExperienceRepository;
import dev.spark.experience.internal.ExperienceRepository.Embeddable;
import dev.spark.experience.internal.ExperienceRepository.PendingText;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Embeds tasks and failure patterns after their trace has committed, so that recording a trace costs
 * milliseconds. Pending nodes are found by their missing embedding: a crash loses no work, the next start
 * picks them up. Tasks are embedded as queries (they are compared with other tasks and searched with), failure
 * patterns as passages. Lessons are embedded by curation, which owns them.
 */
@Component
public class EmbeddingBackfill implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingBackfill.class);
    private static final int BATCH = 32;

    private record Kind(Embeddable nodes, boolean query) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(Embeddable.TASK, true),
            new Kind(Embeddable.FAILURE_PATTERN, false));

    private final ExperienceRepository repository;
    private final TextEmbedder embedder;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "spark-embedding-backfill");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public EmbeddingBackfill(ExperienceRepository repository, TextEmbedder embedder) {
        this.repository = repository;
        this.embedder = embedder;
    }

    /** Embeds whatever is pending, soon, on the backfill thread. */
    public void requestSoon() {
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                try {
                    drain();
                } catch (RuntimeException e) {
                    log.warn("Embedding backfill failed; it is retried on the next trace or start: {}", e.getMessage());
                }
            });
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        requestSoon();
    }

    /** Embeds everything pending now, on the calling thread; returns how many nodes were embedded. */
    public synchronized int drain() {
        int total = 0;
        for (Kind kind : KINDS) {
            while (true) {
                int done = embedBatch(kind);
                total += done;
                if (done < BATCH) {
                    break;
                }
            }
        }
        return total;
    }

    private int embedBatch(Kind kind) {
        List<PendingText> pending = repository.pendingEmbeddings(kind.nodes(), BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        List<String> texts = pending.stream().map(PendingText::text).toList();
        List<float[]> vectors = kind.query() ? texts.stream().map(embedder::embedQuery).toList() : embedder.embedDocuments(texts);
        repository.setEmbeddings(pending, vectors);
        return pending.size();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
