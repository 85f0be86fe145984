package dev.spark.recommend.retrieval;

import dev.spark.knowledge.DocHit;
import dev.spark.knowledge.DocSearch;
import dev.spark.knowledge.SearchMode;
import dev.spark.recommend.RecommendProperties;
import java.util.List;
import org.springframework.stereotype.Component;

/** Documentation chunks by BM25 over their title, text and API name, with their properties. */
@Component
public class DocumentsByText implements RetrievalPath {

    private final DocSearch docs;
    private final RecommendProperties props;

    public DocumentsByText(DocSearch docs, RecommendProperties props) {
        this.docs = docs;
        this.props = props;
    }

    @Override
    public String name() {
        return "documentation by full text";
    }

    @Override
    public Found retrieve(QueryContext query, Earlier earlier) {
        List<DocHit> hits = docs.search(query.task().text(), null, null, props.candidates(), SearchMode.FULLTEXT);
        return new Found(DocumentsByVector.votes(hits, name()), Evidence.ofDocuments(hits));
    }
}
