package dev.spark.recommend.retrieval;

import dev.spark.graph.FullText;
import dev.spark.recommend.internal.RecommendRepository;
import dev.spark.recommend.internal.RecommendRepository.LessonStanding;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Servable lessons (see RecommendRepository) by BM25 over their text. */
@Component
public class LessonsByText implements RetrievalPath {

    private static final int FETCH = 60;

    private final RecommendRepository repository;

    public LessonsByText(RecommendRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "lesson by full text";
    }

    @Override
    public Found retrieve(QueryContext query, Earlier earlier) {
        Optional<String> lucene = FullText.query(query.task().text());
        if (lucene.isEmpty()) {
            return Found.NOTHING;
        }
        List<LessonStanding> lessons = repository.lessonsByText(lucene.get(), FETCH, LessonsByVector.K, query.spaces(), query.visible());
        return new Found(LessonsByVector.votes(lessons, name()), Evidence.ofLessons(lessons));
    }
}
