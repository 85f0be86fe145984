package dev.spark.recommend.retrieval;

import dev.spark.recommend.ItemKind;
import dev.spark.recommend.internal.RecommendRepository;
import dev.spark.recommend.internal.RecommendRepository.ApiDocumentation;
import dev.spark.recommend.internal.RecommendRepository.DocRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Votes for the documentation of APIs that experience points at (the APIs a successful similar trace used, those a
 * lesson applies to): each API's pages, ranked in the order of {@code weights} and weighted by the API's weight.
 */
final class ApiDocumentationVotes {

    private ApiDocumentationVotes() {
    }

    /**
     * @param weights each API's vote weight, best first (the order is the rank)
     * @param why     the reason a vote gives, from the API
     */
    static Found of(RecommendRepository repository, Map<String, Double> weights, Function<String, String> why) {
        return weights.isEmpty() ? Found.NOTHING : of(repository.docsOfApis(List.copyOf(weights.keySet())), weights, why);
    }

    /** As above, with each API's documentation already read, in rank order (an API without any is skipped). */
    static Found of(List<ApiDocumentation> ranked, Map<String, Double> weights, Function<String, String> why) {
        List<Vote> votes = new ArrayList<>();
        Map<String, Evidence.DocFacts> facts = new HashMap<>();
        int rank = 0;
        for (ApiDocumentation documentation : ranked) {
            if (documentation.docs().isEmpty()) {
                continue; // an API without documentation takes no rank
            }
            String api = documentation.api();
            rank++;
            for (DocRef doc : documentation.docs()) {
                votes.add(new Vote(ItemKind.DOCUMENTATION, doc.id(), rank, weights.get(api), why.apply(api)));
                facts.putIfAbsent(doc.id(), new Evidence.DocFacts(doc.page(), doc.library(), doc.api()));
            }
        }
        return new Found(votes, new Evidence(Map.of(), facts, Map.of(), Map.of()));
    }
}
