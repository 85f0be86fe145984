package dev.spark.eval;

import dev.spark.knowledge.ApiNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Retrieval metrics at the page level, as in the reference figures of the shared data README.
 *
 * <p>Every metric reads rank order only: scores, and ties between them, are the retriever's business and
 * must already be resolved into the list order. Ranked lists hold page ids ({@code doc_id}); several chunks
 * of one page count once, at the rank of its first chunk, and repeats are dropped before the list is cut at
 * {@code k}, so a page split into many chunks cannot crowd the top {@code k}.
 *
 * <p>A metric against an empty gold set is undefined, not zero: such problems say nothing about retrieval
 * and would drag every method towards zero alike. Those metrics return {@link OptionalDouble#empty()}, and
 * the caller leaves the problem out of that metric's mean.
 */
public final class RetrievalMetrics {

    private RetrievalMetrics() {
    }

    /** The first {@code k} distinct pages of a ranking, each at the rank of its first occurrence. */
    public static List<String> distinctTopK(List<String> rankedPageIds, int k) {
        requireK(k);
        Objects.requireNonNull(rankedPageIds, "rankedPageIds");
        Set<String> seen = new LinkedHashSet<>();
        for (String page : rankedPageIds) {
            if (seen.size() == k) {
                break;
            }
            seen.add(Objects.requireNonNull(page, "page id"));
        }
        return List.copyOf(seen);
    }

    /**
     * Normalised discounted cumulative gain with binary relevance: gain 1 for a gold page at (1-based)
     * rank {@code r}, discounted by {@code log2(r + 1)}; the ideal ranking puts {@code min(|gold|, k)} gold
     * pages first. Empty when {@code goldPageIds} is empty.
     */
    public static OptionalDouble ndcgAtK(List<String> rankedPageIds, Set<String> goldPageIds, int k) {
        requireK(k);
        if (requireGold(goldPageIds).isEmpty()) {
            return OptionalDouble.empty();
        }
        List<String> top = distinctTopK(rankedPageIds, k);
        double dcg = 0;
        for (int i = 0; i < top.size(); i++) {
            if (goldPageIds.contains(top.get(i))) {
                dcg += discount(i + 1);
            }
        }
        double ideal = 0;
        for (int rank = 1; rank <= Math.min(goldPageIds.size(), k); rank++) {
            ideal += discount(rank);
        }
        return OptionalDouble.of(dcg / ideal);
    }

    /** Share of the gold pages among the top {@code k} distinct pages. Empty when {@code goldPageIds} is empty. */
    public static OptionalDouble recallAtK(List<String> rankedPageIds, Set<String> goldPageIds, int k) {
        requireK(k);
        if (requireGold(goldPageIds).isEmpty()) {
            return OptionalDouble.empty();
        }
        long found = distinctTopK(rankedPageIds, k).stream().filter(goldPageIds::contains).count();
        return OptionalDouble.of((double) found / goldPageIds.size());
    }

    /**
     * Reciprocal rank of the first gold page among the top {@code k} distinct pages, 0 when none is there.
     * Empty when {@code goldPageIds} is empty.
     */
    public static OptionalDouble mrrAtK(List<String> rankedPageIds, Set<String> goldPageIds, int k) {
        requireK(k);
        if (requireGold(goldPageIds).isEmpty()) {
            return OptionalDouble.empty();
        }
        List<String> top = distinctTopK(rankedPageIds, k);
        for (int i = 0; i < top.size(); i++) {
            if (goldPageIds.contains(top.get(i))) {
                return OptionalDouble.of(1.0 / (i + 1));
            }
        }
        return OptionalDouble.of(0);
    }

    /**
     * Share of the gold APIs covered by the top {@code k} items. Each element of {@code apisCoveredPerItem}
     * is one ranked item, in rank order, with the APIs it covers: those its documentation documents, or
     * those a lesson applies to. Items are counted as given, so pass one entry per distinct page (see
     * {@link #mergeByPage}) when chunks of one page should count once. API names are compared after
     * {@link #normaliseApi}. Empty when {@code goldApis} is empty.
     */
    public static OptionalDouble apiRecallAtK(List<Set<String>> apisCoveredPerItem, Set<String> goldApis, int k) {
        requireK(k);
        Objects.requireNonNull(apisCoveredPerItem, "apisCoveredPerItem");
        Set<String> gold = normalised(requireGold(goldApis));
        if (gold.isEmpty()) {
            return OptionalDouble.empty();
        }
        Set<String> covered = new HashSet<>();
        for (Set<String> item : apisCoveredPerItem.subList(0, Math.min(k, apisCoveredPerItem.size()))) {
            covered.addAll(normalised(item));
        }
        long found = gold.stream().filter(covered::contains).count();
        return OptionalDouble.of((double) found / gold.size());
    }

    /**
     * Folds a ranking of chunks into a ranking of pages: each page appears once, at the rank of its first
     * chunk, covering the union of the APIs of all its chunks in the list.
     *
     * @param rankedPageIds       the page of each ranked chunk
     * @param apisCoveredPerChunk the APIs each ranked chunk covers, in the same order
     */
    public static List<Set<String>> mergeByPage(List<String> rankedPageIds, List<Set<String>> apisCoveredPerChunk) {
        if (rankedPageIds.size() != apisCoveredPerChunk.size()) {
            throw new IllegalArgumentException("rankedPageIds has " + rankedPageIds.size()
                    + " entries but apisCoveredPerChunk has " + apisCoveredPerChunk.size());
        }
        Map<String, Set<String>> byPage = new LinkedHashMap<>();
        for (int i = 0; i < rankedPageIds.size(); i++) {
            byPage.computeIfAbsent(Objects.requireNonNull(rankedPageIds.get(i), "page id"), page -> new LinkedHashSet<>())
                    .addAll(apisCoveredPerChunk.get(i));
        }
        List<Set<String>> pages = new ArrayList<>();
        byPage.values().forEach(apis -> pages.add(Set.copyOf(apis)));
        return pages;
    }

    /**
     * 1 when the top item belongs to the expected library, else 0 (also when nothing was retrieved or the
     * top item has no library). Case-insensitive, since DS-1000 writes {@code Pandas} where the corpus
     * writes {@code pandas}. Defined for every problem, gold pages or not.
     *
     * @param rankedLibraries the library of each ranked item, in rank order; entries may be null
     */
    public static double libraryOfTopCorrect(List<String> rankedLibraries, String expectedLibrary) {
        Objects.requireNonNull(expectedLibrary, "expectedLibrary");
        if (rankedLibraries.isEmpty() || rankedLibraries.get(0) == null) {
            return 0;
        }
        String top = rankedLibraries.get(0).strip().toLowerCase(Locale.ROOT);
        return top.equals(expectedLibrary.strip().toLowerCase(Locale.ROOT)) ? 1 : 0;
    }

    /**
     * The spelling API names are compared in: TensorFlow is {@code tensorflow.*} in DS-1000's {@code apis}
     * but {@code tf.*} in the documentation corpus.
     */
    public static String normaliseApi(String qualifiedName) {
        return ApiNames.canonical(qualifiedName);
    }

    private static Set<String> normalised(Set<String> apis) {
        Set<String> names = new HashSet<>();
        for (String api : apis) {
            names.add(normaliseApi(Objects.requireNonNull(api, "api name")));
        }
        return names;
    }

    private static double discount(int rank) {
        return 1 / (Math.log(rank + 1) / Math.log(2));
    }

    private static void requireK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
    }

    private static <T extends Set<String>> T requireGold(T gold) {
        return Objects.requireNonNull(gold, "gold set (pass an empty set for a problem without labels)");
    }
}
