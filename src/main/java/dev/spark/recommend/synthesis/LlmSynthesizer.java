package dev.spark.recommend.synthesis;

import dev.spark.experience.TaskInput;
import dev.spark.recommend.RecommendationItem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synthesis by an LLM within a time budget; when the model fails, says nothing or does not answer in time, the
 * template answers instead and the text says so, so that an agent never waits on an unreachable or overloaded
 * model and can tell the two kinds of advice apart.
 */
final class LlmSynthesizer implements RecommendationSynthesizer {

    private static final Logger log = LoggerFactory.getLogger(LlmSynthesizer.class);
    private static final int SNIPPET = 600;

    private final RecommendationWriter writer;
    private final RecommendationSynthesizer fallback;
    private final Duration budget;
    /** A late model call goes on until the client's own timeout; daemon threads, so it never holds up shutdown. */
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "spark-llm-synthesis");
        t.setDaemon(true);
        return t;
    });

    LlmSynthesizer(RecommendationWriter writer, RecommendationSynthesizer fallback, Duration budget) {
        this.writer = writer;
        this.fallback = fallback;
        this.budget = budget;
    }

    @Override
    public String write(TaskInput task, List<RecommendationItem> items) {
        if (items.isEmpty()) {
            return fallback.write(task, items);
        }
        StringBuilder evidence = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            RecommendationItem item = items.get(i);
            String text = Snippets.cut(item.text(), SNIPPET);
            evidence.append('[').append(i + 1).append("] ").append(item.kind()).append(": ").append(item.title())
                    .append(" (").append(item.source()).append(")\n").append(text).append("\n\n");
        }
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> writer.write(task.text(), evidence.toString()), calls);
        String why;
        try {
            String text = call.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
            why = "returned no text";
            log.warn("The LLM returned no recommendation text; using the template");
        } catch (TimeoutException late) {
            call.cancel(true);
            why = "did not answer within " + seconds(budget);
            log.warn("LLM synthesis took longer than {}; using the template", budget);
        } catch (ExecutionException e) {
            why = "failed";
            log.warn("LLM synthesis failed ({}); using the template", e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            why = "was interrupted";
        }
        return fallback.write(task, items) + " " + fallbackNote(why);
    }

    /** Appended to a recommendation the template wrote because the model did not. */
    static String fallbackNote(String why) {
        return "(Written from a template: the language model " + why + ".)";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
