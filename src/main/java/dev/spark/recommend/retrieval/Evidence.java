package dev.spark.recommend.retrieval;

import dev.spark.knowledge.DocHit;
import dev.spark.recommend.internal.RecommendRepository.LessonStanding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What paths learn about candidates on the way, so that neither ranking nor showing them needs another round
 * trip: documentation found with its properties, the library of each documentation candidate (for the intent
 * boost), the trust and verification of each lesson candidate (for lesson quality) and the APIs of example traces.
 */
public record Evidence(Map<String, DocHit> documents, Map<String, String> libraries, Map<String, LessonStanding> lessons,
                       Map<String, List<String>> exampleApis) {

    public static final Evidence NONE = new Evidence(Map.of(), Map.of(), Map.of(), Map.of());

    public Evidence {
        documents = Map.copyOf(documents);
        libraries = Map.copyOf(libraries);
        lessons = Map.copyOf(lessons);
        exampleApis = Map.copyOf(exampleApis);
    }

    /** The evidence of documentation hits: their properties and libraries. */
    public static Evidence ofDocuments(List<DocHit> hits) {
        Map<String, DocHit> documents = new HashMap<>();
        Map<String, String> libraries = new HashMap<>();
        for (DocHit hit : hits) {
            documents.putIfAbsent(hit.id(), hit);
            if (hit.library() != null) {
                libraries.putIfAbsent(hit.id(), hit.library());
            }
        }
        return new Evidence(documents, libraries, Map.of(), Map.of());
    }

    /** The evidence of lesson candidates: their trust and whether they are verified. */
    public static Evidence ofLessons(List<LessonStanding> lessons) {
        Map<String, LessonStanding> map = new HashMap<>();
        lessons.forEach(l -> map.putIfAbsent(l.id(), l));
        return new Evidence(Map.of(), Map.of(), map, Map.of());
    }

    /** Both together; where both know a candidate, this one's knowledge is kept. */
    public Evidence and(Evidence other) {
        Map<String, DocHit> d = new HashMap<>(other.documents);
        d.putAll(documents);
        Map<String, String> lib = new HashMap<>(other.libraries);
        lib.putAll(libraries);
        Map<String, LessonStanding> l = new HashMap<>(other.lessons);
        l.putAll(lessons);
        Map<String, List<String>> e = new HashMap<>(other.exampleApis);
        e.putAll(exampleApis);
        return new Evidence(d, lib, l, e);
    }
}
