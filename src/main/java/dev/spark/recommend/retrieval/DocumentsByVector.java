package dev.spark.recommend.retrieval;

import dev.spark.knowledge.DocHit;
import dev.spark.knowledge.DocSearch;
import dev.spark.knowledge.SearchMode;
import dev.spark.recommend.ItemKind;
import dev.spark.recommend.RecommendProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Documentation chunks nearest to the task by embedding. They come with their properties, so their library
 * counts in ranking and showing them needs no second query.
 */
@Component
public class DocumentsByVector implements RetrievalPath {

    private final DocSearch docs;
    private final RecommendProperties props;

    public DocumentsByVector(DocSearch docs, RecommendProperties props) {
        this.docs = docs;
        this.props = props;
    }

    @Override
    public String name() {
        return "documentation by embedding";
    }

    @Override
    public Found retrieve(QueryContext query, Earlier earlier) {
        List<DocHit> hits = docs.search(query.task().text(), query.vector(), null, props.candidates(), SearchMode.VECTOR);
        return new Found(votes(hits, name()), Evidence.ofDocuments(hits));
    }

    static List<Vote> votes(List<DocHit> hits, String why) {
        List<Vote> votes = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            votes.add(new Vote(ItemKind.DOCUMENTATION, hits.get(i).id(), i + 1, 1.0, why + " #" + (i + 1)));
        }
        return votes;
    }
}
