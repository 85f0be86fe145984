package dev.spark.recommend.retrieval;

import dev.spark.recommend.ItemKind;
import dev.spark.recommend.internal.RecommendRepository.ApiDocumentation;
import dev.spark.recommend.internal.RecommendRepository.DocRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Votes for the documentation of APIs that experience points at (the APIs a successful similar trace used, those a
 * lesson applies to): each API's pages, ranked in the order of {@code weights} and weighted by the API's weight. The
 * documentation comes with the experience, read in the statement that found it.
 */
final class ApiDocumentationVotes {

    private ApiDocumentationVotes() {
    }

    /**
     * @param weights       each API's vote weight, best first (the order is the rank; an API without documentation
     *                      takes none)
     * @param documentation each API's documentation, by API
     * @param why           the reason a vote gives, from the API
     */
    static Found of(Map<String, Double> weights, Map<String, ApiDocumentation> documentation, Function<String, String> why) {
        List<Vote> votes = new ArrayList<>();
        Map<String, Evidence.DocFacts> facts = new HashMap<>();
        int rank = 0;
        for (Map.Entry<String, Double> weight : weights.entrySet()) {
            String api = weight.getKey();
            List<DocRef> docs = documentation.get(api).docs();
            if (docs.isEmpty()) {
                continue;
            }
            rank++;
            for (DocRef doc : docs) {
                votes.add(new Vote(ItemKind.DOCUMENTATION, doc.id(), rank, weight.getValue(), why.apply(api)));
                facts.putIfAbsent(doc.id(), new Evidence.DocFacts(doc.page(), doc.library(), doc.api()));
            }
        }
        return new Found(votes, new Evidence(Map.of(), facts, Map.of(), Map.of(), Map.of()));
    }
}
