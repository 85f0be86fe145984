package dev.spark.recommend.retrieval;

import dev.spark.knowledge.DocHit;
import dev.spark.recommend.internal.RecommendRepository.ExampleRow;
import dev.spark.recommend.internal.RecommendRepository.LessonStanding;
import dev.spark.recommend.internal.RecommendRepository.PitfallRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What paths learn about candidates on the way, so that neither ranking nor showing them needs another round
 * trip: documentation found with its properties, the page, library and API of each documentation candidate (for
 * library routing, reference pages and page aggregation), the trust and verification of each lesson candidate
 * (for lesson quality) with what its item shows, the worked examples of successful traces and what the item of each
 * failure pattern shows.
 */
public record Evidence(Map<String, DocHit> documents, Map<String, DocFacts> docs, Map<String, LessonStanding> lessons,
                       Map<String, ExampleRow> examples, Map<String, PitfallRow> pitfalls) {

    /**
     * What ranking needs of a documentation chunk: its page ({@code docId}), library and the API it documents (a
     * qualified name for a reference page, a heading for prose).
     */
    public record DocFacts(String page, String library, String api) {
    }

    public static final Evidence NONE = new Evidence(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public Evidence {
        documents = Map.copyOf(documents);
        docs = Map.copyOf(docs);
        lessons = Map.copyOf(lessons);
        examples = Map.copyOf(examples);
        pitfalls = Map.copyOf(pitfalls);
    }

    /**
     * The evidence of documentation hits, found by an index or read with the experience that votes for them: their
     * properties and facts.
     */
    public static Evidence ofDocuments(List<DocHit> hits) {
        Map<String, DocHit> documents = new HashMap<>();
        Map<String, DocFacts> facts = new HashMap<>();
        for (DocHit hit : hits) {
            documents.putIfAbsent(hit.id(), hit);
            facts.putIfAbsent(hit.id(), new DocFacts(hit.docId(), hit.library(), hit.api()));
        }
        return new Evidence(documents, facts, Map.of(), Map.of(), Map.of());
    }

    /** The evidence of lesson candidates: their trust and whether they are verified. */
    public static Evidence ofLessons(List<LessonStanding> lessons) {
        Map<String, LessonStanding> map = new HashMap<>();
        lessons.forEach(l -> map.putIfAbsent(l.id(), l));
        return new Evidence(Map.of(), Map.of(), map, Map.of(), Map.of());
    }

    /** The evidence of failure patterns: what their items show. */
    public static Evidence ofPitfalls(List<PitfallRow> pitfalls) {
        Map<String, PitfallRow> map = new HashMap<>();
        pitfalls.forEach(p -> map.putIfAbsent(p.signature(), p));
        return new Evidence(Map.of(), Map.of(), Map.of(), Map.of(), map);
    }

    /** Both together; where both know a candidate, this one's knowledge is kept. */
    public Evidence and(Evidence other) {
        Map<String, DocHit> d = new HashMap<>(other.documents);
        d.putAll(documents);
        Map<String, DocFacts> f = new HashMap<>(other.docs);
        f.putAll(docs);
        Map<String, LessonStanding> l = new HashMap<>(other.lessons);
        l.putAll(lessons);
        Map<String, ExampleRow> x = new HashMap<>(other.examples);
        x.putAll(examples);
        Map<String, PitfallRow> p = new HashMap<>(other.pitfalls);
        p.putAll(pitfalls);
        return new Evidence(d, f, l, x, p);
    }
}
