package dev.spark.recommend.retrieval;

import dev.spark.recommend.ItemKind;
import dev.spark.recommend.RecommendProperties;
import dev.spark.recommend.internal.RecommendRepository;
import dev.spark.recommend.internal.RecommendRepository.LessonStanding;
import dev.spark.recommend.internal.RecommendRepository.ApiDocumentation;
import dev.spark.recommend.internal.RecommendRepository.ExampleRow;
import dev.spark.recommend.internal.RecommendRepository.PitfallRow;
import dev.spark.recommend.internal.RecommendRepository.TraceOfTask;
import dev.spark.recommend.internal.RecommendRepository.WithDocuments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Past tasks similar to this one, and what their traces teach: a successful trace's code is a worked example
 * and the documentation of the APIs it used follows; a failed trace's failure patterns are pitfalls; lessons
 * learned from either are lessons. What their items show (the documentation's content included) comes with them.
 * Each vote weighs its kind's weight ({@code spark.recommend.example-weight},
 * {@code pitfall-weight}, {@code lesson-weight}, {@code experience-doc-weight}) times the task's similarity.
 */
@Component
public class SimilarTaskTraces implements RetrievalPath {

    /** Tasks fetched from the index before the similarity and has-a-trace filters. */
    private static final int FETCH = 50;

    private final RecommendRepository repository;
    private final RecommendProperties props;

    public SimilarTaskTraces(RecommendRepository repository, RecommendProperties props) {
        this.repository = repository;
        this.props = props;
    }

    @Override
    public String name() {
        return "similar tasks";
    }

    @Override
    public Stage stage() {
        return Stage.GRAPH;
    }

    @Override
    public Found retrieve(QueryContext query, Earlier earlier) {
        WithDocuments<TraceOfTask> found = repository.tracesOfSimilarTasks(query.vector(), FETCH, props.similarTasks(),
                props.minTaskSimilarity(), query.spaces(), query.visible());
        List<TraceOfTask> traces = found.found();
        if (traces.isEmpty()) {
            return Found.NOTHING;
        }
        List<Vote> votes = new ArrayList<>();
        Map<String, ExampleRow> examples = new HashMap<>();
        List<LessonStanding> lessons = new ArrayList<>();
        List<PitfallRow> pitfalls = new ArrayList<>();
        Map<String, Double> experienceApis = new LinkedHashMap<>();
        Map<String, ApiDocumentation> documentationOf = new HashMap<>();
        int example = 0;
        int pitfall = 0;
        int lesson = 0;
        for (TraceOfTask trace : traces) {
            double similarity = trace.similarity();
            String why = String.format("similar task (similarity %.2f)", similarity);
            if (trace.example() != null) {
                examples.put(trace.traceId(), trace.example());
                votes.add(new Vote(ItemKind.EXAMPLE, trace.traceId(), ++example, props.exampleWeight() * similarity, why + " → successful trace"));
                for (ApiDocumentation api : trace.apis()) {
                    experienceApis.merge(api.api(), similarity, Math::max);
                    documentationOf.putIfAbsent(api.api(), api);
                }
            } else {
                for (PitfallRow failure : trace.failures()) {
                    votes.add(new Vote(ItemKind.PITFALL, failure.signature(), ++pitfall, props.pitfallWeight() * similarity,
                            why + " → failed trace"));
                    pitfalls.add(failure);
                }
            }
            for (LessonStanding l : trace.lessons()) {
                votes.add(new Vote(ItemKind.LESSON, l.id(), ++lesson, props.lessonWeight() * similarity, why + " → lesson learned from its trace"));
                lessons.add(l);
            }
        }
        experienceApis.replaceAll((api, similarity) -> props.experienceDocWeight() * similarity);
        Found documentation = ApiDocumentationVotes.of(experienceApis, documentationOf,
                api -> "API " + api + " used by a successful similar trace");
        Evidence evidence = new Evidence(Map.of(), Map.of(), Map.of(), examples, Map.of()).and(Evidence.ofLessons(lessons))
                .and(Evidence.ofPitfalls(pitfalls)).and(Evidence.ofDocuments(found.documents()));
        return new Found(votes, evidence).and(documentation);
    }
}
