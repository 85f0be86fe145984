package dev.spark.recommend.retrieval;

import dev.spark.recommend.ItemKind;
import dev.spark.recommend.internal.RecommendRepository;
import dev.spark.recommend.internal.RecommendRepository.ApiDocumentation;
import dev.spark.recommend.internal.RecommendRepository.DocRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The documentation of the qualified APIs the task's own code calls ({@code df.groupby(...)} read as
 * {@code pandas.DataFrame.groupby}), found through their {@code Api} nodes rather than by similarity: the task names
 * them, so their reference pages are candidates even when the embedding of a long prompt misses them.
 */
@Component
public class DocumentsOfNamedApis implements RetrievalPath {

    private final RecommendRepository repository;

    public DocumentsOfNamedApis(RecommendRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "documentation of the APIs the task calls";
    }

    @Override
    public Found retrieve(QueryContext query, Earlier earlier) {
        List<String> apis = query.intent().apis();
        if (apis.isEmpty()) {
            return Found.NOTHING;
        }
        List<Vote> votes = new ArrayList<>();
        Map<String, Evidence.DocFacts> facts = new HashMap<>();
        int rank = 0;
        for (ApiDocumentation documentation : repository.docsOfApis(apis)) {
            rank++;
            for (DocRef doc : documentation.docs()) {
                votes.add(new Vote(ItemKind.DOCUMENTATION, doc.id(), rank, 1.0, "API " + documentation.api() + " called in the task"));
                facts.putIfAbsent(doc.id(), new Evidence.DocFacts(doc.page(), doc.library(), doc.api()));
            }
        }
        return new Found(votes, Evidence.ofFacts(facts));
    }
}
