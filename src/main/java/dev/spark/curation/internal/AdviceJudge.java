package dev.spark.curation.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges the lesson pairs that the embedding and the text rules cannot settle, with a chat model when one is
 * configured. Without one ({@link #NONE}) every pair stays undecided and curation leaves a merge suggestion for a
 * knowledge engineer instead. A failing, empty or over-long answer is undecided too: the loop never depends on the
 * model. Verdicts are remembered per pair of texts (bounded), because the trace transaction that asks may be retried.
 */
public final class AdviceJudge {

    private static final Logger log = LoggerFactory.getLogger(AdviceJudge.class);
    private static final int MAX_REMEMBERED = 10_000;
    private static final int MAX_REASON = 500;

    public static final AdviceJudge NONE = new AdviceJudge(null, "none");

    private final AdviceComparer comparer;
    private final String name;
    private final Map<List<String>, Optional<AdviceComparison>> remembered = new ConcurrentHashMap<>();

    public AdviceJudge(AdviceComparer comparer, String name) {
        this.comparer = comparer;
        this.name = name;
    }

    public boolean available() {
        return comparer != null;
    }

    /** Name of the model shown in decision reasons. */
    public String name() {
        return name;
    }

    public Optional<AdviceComparison> compare(String a, String b, Collection<String> apis) {
        if (comparer == null) {
            return Optional.empty();
        }
        List<String> key = List.of(a, b);
        Optional<AdviceComparison> known = remembered.get(key);
        if (known != null) {
            return known;
        }
        Optional<AdviceComparison> verdict = ask(a, b, apis);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, verdict);
        return verdict;
    }

    private Optional<AdviceComparison> ask(String a, String b, Collection<String> apis) {
        try {
            AdviceComparison answer = comparer.compare(String.join(", ", new TreeSet<>(apis)), a, b);
            if (answer == null || answer.relation() == null) {
                return Optional.empty();
            }
            String reason = answer.reason() == null ? "" : answer.reason().strip();
            reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
            return Optional.of(new AdviceComparison(answer.relation(), reason));
        } catch (RuntimeException e) {
            log.warn("Lesson comparison failed ({}); leaving the pair for review", e.getMessage());
            return Optional.empty();
        }
    }
}
