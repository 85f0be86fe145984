package dev.spark.recommend.retrieval;

import dev.spark.recommend.ItemKind;
import dev.spark.recommend.RecommendProperties;
import dev.spark.recommend.internal.RecommendRepository;
import dev.spark.recommend.internal.RecommendRepository.ApiDocumentation;
import dev.spark.recommend.internal.RecommendRepository.LessonStanding;
import dev.spark.recommend.internal.RecommendRepository.SimilarLesson;
import dev.spark.recommend.internal.RecommendRepository.WithDocuments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Servable lessons (see RecommendRepository) nearest to the task by embedding. With
 * {@code spark.recommend.lesson-doc-weight} above zero, each lesson also votes for the documentation of the APIs it
 * applies to, weighted by its similarity to the task (halved for a lesson not yet verified): a lesson is curated,
 * grounded experience, and the pages of the APIs it is about are the pages an agent following it will read.
 */
@Component
public class LessonsByVector implements RetrievalPath {

    /** Lessons kept per query. */
    static final int K = 20;

    private final RecommendRepository repository;
    private final RecommendProperties props;

    public LessonsByVector(RecommendRepository repository, RecommendProperties props) {
        this.repository = repository;
        this.props = props;
    }

    @Override
    public String name() {
        return "lesson by embedding";
    }

    @Override
    public Found retrieve(QueryContext query, Earlier earlier) {
        // lessons that may not be served share the index: over-fetch so that K servable ones remain after the filter
        boolean votesForDocumentation = props.lessonDocWeight() > 0;
        WithDocuments<SimilarLesson> found = repository.lessonsByVector(query.vector(), props.candidates() * 3, K, query.spaces(),
                query.visible(), votesForDocumentation);
        List<LessonStanding> lessons = found.found().stream().map(SimilarLesson::lesson).toList();
        Found byLesson = new Found(votes(lessons, name()), Evidence.ofLessons(lessons));
        return votesForDocumentation
                ? byLesson.and(documentation(found.found())).and(new Found(List.of(), Evidence.ofDocuments(found.documents())))
                : byLesson;
    }

    /** Votes for the documentation of the lessons' APIs, ranked by the best lesson that reaches each API. */
    private Found documentation(List<SimilarLesson> found) {
        Map<String, Double> apiWeight = new LinkedHashMap<>();
        Map<String, String> apiLesson = new HashMap<>();
        Map<String, ApiDocumentation> documentation = new HashMap<>();
        for (SimilarLesson l : found) {
            double weight = props.lessonDocWeight() * Math.max(0, l.similarity()) * (l.lesson().verified() ? 1.0 : Ranker.UNVERIFIED_WEIGHT);
            for (ApiDocumentation api : l.apis()) {
                if (apiWeight.putIfAbsent(api.api(), weight) == null) {
                    apiLesson.put(api.api(), l.lesson().id());
                    documentation.put(api.api(), api);
                }
            }
        }
        return ApiDocumentationVotes.of(apiWeight, documentation, api -> "API " + api + " of lesson " + apiLesson.get(api));
    }

    static List<Vote> votes(List<LessonStanding> lessons, String why) {
        List<Vote> votes = new ArrayList<>(lessons.size());
        for (int i = 0; i < lessons.size(); i++) {
            votes.add(new Vote(ItemKind.LESSON, lessons.get(i).id(), i + 1, 1.0, why + " #" + (i + 1)));
        }
        return votes;
    }
}
