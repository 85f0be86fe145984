package dev.spark.recommend.retrieval;

import dev.spark.recommend.ItemKind;
import dev.spark.recommend.RecommendProperties;
import dev.spark.recommend.internal.RecommendRepository;
import dev.spark.recommend.internal.RecommendRepository.LessonStanding;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Servable lessons (see RecommendRepository) nearest to the task by embedding. */
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
        List<LessonStanding> lessons = repository.lessonsByVector(query.vector(), props.candidates() * 3, K, query.spaces(), query.visible());
        return new Found(votes(lessons, name()), Evidence.ofLessons(lessons));
    }

    static List<Vote> votes(List<LessonStanding> lessons, String why) {
        List<Vote> votes = new ArrayList<>(lessons.size());
        for (int i = 0; i < lessons.size(); i++) {
            votes.add(new Vote(ItemKind.LESSON, lessons.get(i).id(), i + 1, 1.0, why + " #" + (i + 1)));
        }
        return votes;
    }
}
