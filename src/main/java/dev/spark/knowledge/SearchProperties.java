package dev.spark.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fusion of documentation search. The weights were chosen on the DS-1000 dev split ({@code spark eval fusion},
 * docs/evaluation.md): on these code-heavy prompts every BM25 weight above 0.1 lowers NDCG@10, so BM25 keeps only
 * a tie-breaking vote (exact identifiers, error strings) that costs nothing measurable on the dev split.
 *
 * @param vectorWeight   weight of a document's vector rank in reciprocal-rank fusion
 * @param fulltextWeight weight of its full-text rank
 * @param rrfK           the k of reciprocal-rank fusion, 1 / (k + rank)
 * @param candidates     candidates fetched from each index before fusion (at least the k asked for)
 * @param fulltextMaxTerms BM25 joins the fusion only for queries of at most this many distinct terms: on long,
 *                       code-heavy task prompts it lowered NDCG@10 at every weight tried, while short queries
 *                       that name an identifier are where exact term matching earns its place
 */
@ConfigurationProperties("spark.search")
public record SearchProperties(
        @DefaultValue("1.0") double vectorWeight,
        @DefaultValue("0.1") double fulltextWeight,
        @DefaultValue("60") int rrfK,
        @DefaultValue("20") int candidates,
        @DefaultValue("12") int fulltextMaxTerms) {

    /** Whether BM25 takes part in fusing results for this query. */
    public boolean fuseFulltext(String query) {
        return fulltextWeight > 0 && dev.spark.graph.FullText.termCount(query, fulltextMaxTerms + 1) <= fulltextMaxTerms;
    }
}
