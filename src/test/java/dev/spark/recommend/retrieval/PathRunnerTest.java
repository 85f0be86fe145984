package dev.spark.recommend.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.experience.TaskInput;
import dev.spark.recommend.ItemKind;
import dev.spark.recommend.Recipe;
import dev.spark.recommend.retrieval.PathRunner.Started;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which paths run is what the recipe lists, nothing else; a path that needs another gets what that one found. */
class PathRunnerTest {

    private final RetrievalPool pool = new RetrievalPool();
    private final Set<String> ran = ConcurrentHashMap.newKeySet();
    private final Map<Class<? extends RetrievalPath>, RetrievalPath> standIns = new HashMap<>();

    @AfterEach
    void stop() {
        pool.close();
    }

    @Test
    void eachRecipeRunsExactlyThePathsItLists() {
        List<Class<? extends RetrievalPath>> all = List.of(DocumentsByVector.class, DocumentsByText.class, LessonsByVector.class,
                LessonsByText.class, SimilarTaskTraces.class, ApiWalk.class);
        all.forEach(type -> standIns.put(type, new StandIn(type.getSimpleName(), List.of())));
        standIns.put(ApiWalk.class, new StandIn("ApiWalk", List.of(DocumentsByVector.class)));
        PathRunner runner = new PathRunner(standIns, pool);

        assertThat(run(runner, Recipe.FULLTEXT, true)).containsExactly("DocumentsByText");
        assertThat(run(runner, Recipe.VECTOR, true)).containsExactly("DocumentsByVector");
        assertThat(run(runner, Recipe.HYBRID, true)).containsExactly("DocumentsByVector", "DocumentsByText");
        assertThat(run(runner, Recipe.HYBRID, false)).as("BM25 gated out of a long query").containsExactly("DocumentsByVector");
        assertThat(run(runner, Recipe.FULLTEXT, false)).as("the lexical baseline is never gated").containsExactly("DocumentsByText");
        assertThat(run(runner, Recipe.FULL, true)).containsExactly("DocumentsByVector", "DocumentsByText", "LessonsByVector",
                "LessonsByText", "SimilarTaskTraces", "ApiWalk");
        assertThat(run(runner, Recipe.FULL, false)).containsExactly("DocumentsByVector", "LessonsByVector", "SimilarTaskTraces", "ApiWalk");
    }

    @Test
    void eachPathThatRanIsTimedUnderItsName() throws Exception {
        standIns.put(DocumentsByVector.class, new StandIn("DocumentsByVector", List.of()));
        standIns.put(ApiWalk.class, new StandIn("ApiWalk", List.of(DocumentsByVector.class)));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PathRunner runner = new PathRunner(standIns, pool, meters);

        for (Started s : runner.start(List.of(new Recipe.Step(DocumentsByVector.class, w -> 1.0, false),
                new Recipe.Step(ApiWalk.class, w -> 1.0, false)), query(true))) {
            s.found().get(10, TimeUnit.SECONDS);
        }

        assertThat(PathRunner.timer(meters, DocumentsByVector.class).count()).isEqualTo(1);
        assertThat(PathRunner.timer(meters, ApiWalk.class).count()).isEqualTo(1);
        assertThat(meters.find("spark.recommend.path").timers()).hasSize(2);
    }

    @Test
    void aPathThatNeedsAnotherReceivesWhatItFoundAndNothingWhenItDidNotRun() throws Exception {
        standIns.put(DocumentsByVector.class, new StandIn("DocumentsByVector", List.of()));
        standIns.put(ApiWalk.class, new StandIn("ApiWalk", List.of(DocumentsByVector.class)) {
            @Override
            public Found retrieve(QueryContext query, Earlier earlier) {
                String read = earlier.of(DocumentsByVector.class).votes().stream().map(Vote::ref).findFirst().orElse("nothing");
                return new Found(List.of(new Vote(ItemKind.LESSON, "walked from " + read, 1, 1.0, "walk")), Evidence.NONE);
            }
        });
        PathRunner runner = new PathRunner(standIns, pool);

        // listed first, the walk still starts from what the documentation path found
        List<Started> both = runner.start(List.of(new Recipe.Step(ApiWalk.class, w -> 1.0, false),
                new Recipe.Step(DocumentsByVector.class, w -> 1.0, false)), query(true));
        List<Started> alone = runner.start(List.of(new Recipe.Step(ApiWalk.class, w -> 1.0, false)), query(true));

        assertThat(both).extracting(s -> s.path().name()).containsExactly("ApiWalk", "DocumentsByVector");
        assertThat(both.get(0).found().get(10, TimeUnit.SECONDS).votes()).extracting(Vote::ref).containsExactly("walked from DocumentsByVector");
        assertThat(alone.get(0).found().get(10, TimeUnit.SECONDS).votes()).extracting(Vote::ref).containsExactly("walked from nothing");
    }

    @Test
    void aRecipeStepWithoutARegisteredPathIsAnError() {
        PathRunner runner = new PathRunner(Map.of(), pool);

        assertThatThrownBy(() -> runner.start(Recipe.VECTOR.steps(), query(true))).hasMessageContaining("DocumentsByVector");
    }

    private List<String> run(PathRunner runner, Recipe recipe, boolean bm25Fits) {
        ran.clear();
        List<Started> started = runner.start(recipe.steps(), query(bm25Fits));
        started.forEach(s -> s.found().join());
        assertThat(ran).containsExactlyInAnyOrderElementsOf(started.stream().map(s -> s.path().name()).toList());
        return started.stream().map(s -> s.path().name()).toList();
    }

    private static QueryContext query(boolean bm25Fits) {
        return new QueryContext(new TaskInput("sort an array", null, List.of()), new float[384], TaskIntent.NONE, bm25Fits, List.of());
    }

    private class StandIn implements RetrievalPath {
        private final String name;
        private final List<Class<? extends RetrievalPath>> needs;

        StandIn(String name, List<Class<? extends RetrievalPath>> needs) {
            this.name = name;
            this.needs = needs;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Class<? extends RetrievalPath>> needs() {
            return needs;
        }

        @Override
        public Found retrieve(QueryContext query, Earlier earlier) {
            ran.add(name);
            return new Found(List.of(new Vote(ItemKind.DOCUMENTATION, name, 1, 1.0, name)), Evidence.NONE);
        }
    }
}
