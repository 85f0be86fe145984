package dev.spark.recommend.retrieval;

import dev.spark.recommend.ItemKind;
import dev.spark.recommend.RecommendProperties;
import dev.spark.recommend.internal.RecommendRepository;
import dev.spark.recommend.internal.RecommendRepository.ApiNeighbourhood;
import dev.spark.recommend.internal.RecommendRepository.LessonStanding;
import dev.spark.recommend.internal.RecommendRepository.PitfallRow;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * From APIs to the lessons that apply to them and the failures that involve them: first the APIs the task's
 * own text and code call (weight {@code spark.recommend.named-api-weight}, the most direct warning there is),
 * then those documented by the best documentation by embedding ({@code api-walk-weight}).
 */
@Component
public class ApiWalk implements RetrievalPath {

    /** Documentation hits whose APIs are walked. */
    private static final int TOP_DOCUMENTS = 5;

    private final RecommendRepository repository;
    private final RecommendProperties props;

    public ApiWalk(RecommendRepository repository, RecommendProperties props) {
        this.repository = repository;
        this.props = props;
    }

    @Override
    public String name() {
        return "API walk";
    }

    @Override
    public Stage stage() {
        return Stage.GRAPH;
    }

    @Override
    public List<Class<? extends RetrievalPath>> needs() {
        return List.of(DocumentsByVector.class);
    }

    @Override
    public Found retrieve(QueryContext query, Earlier earlier) {
        List<String> named = query.intent().apis();
        List<String> topDocuments = earlier.of(DocumentsByVector.class).votes().stream().limit(TOP_DOCUMENTS).map(Vote::ref).toList();
        List<Vote> votes = new ArrayList<>();
        List<LessonStanding> lessons = new ArrayList<>();
        List<PitfallRow> pitfalls = new ArrayList<>();
        int rank = 0;
        for (ApiNeighbourhood api : repository.apiWalk(named, topDocuments, query.spaces(), query.visible())) {
            rank++;
            boolean isNamed = named.contains(api.api());
            String why = isNamed ? "API " + api.api() + " named in the task" : "API " + api.api() + " of matching documentation";
            double weight = isNamed ? props.namedApiWeight() : props.apiWalkWeight();
            for (LessonStanding lesson : api.lessons()) {
                votes.add(new Vote(ItemKind.LESSON, lesson.id(), rank, weight, why + " → lesson"));
                lessons.add(lesson);
            }
            for (PitfallRow pitfall : api.pitfalls()) {
                votes.add(new Vote(ItemKind.PITFALL, pitfall.signature(), rank, weight, why + " → known failure"));
                pitfalls.add(pitfall);
            }
        }
        return new Found(votes, Evidence.ofLessons(lessons).and(Evidence.ofPitfalls(pitfalls)));
    }
}
