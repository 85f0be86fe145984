package dev.spark.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.experience.TaskInput;
import dev.spark.graph.Graph;
import dev.spark.knowledge.DocRecord;
import dev.spark.knowledge.DocumentIngestor;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cold retrieval reads the task's structure (its imports and calls, the APIs it names) and the graph's (pages,
 * reference pages linked to their APIs, libraries), where the plain embedding ranking does not. Each case first
 * shows what the embedding alone ranks first (the {@code VECTOR} recipe), then what the full pipeline makes of it.
 */
@SparkIntegrationTest
class StructuredRetrievalTest {

    @Autowired
    RetrievalAgent agent;

    @Autowired
    DocumentIngestor ingestor;

    @Autowired
    Graph graph;

    @BeforeEach
    void empty() {
        GraphFixtures.clear(graph);
    }

    @Test
    void codeCallingNumpyThroughNpGetsNumpyDocumentationFirst() {
        ingestor.ingest(List.of(
                doc("pandas:sum:0", "pandas", "pandas.DataFrame.sum", "pandas.DataFrame.sum",
                        "Return the sum of the values over the requested axis of an array of numbers, column by column."),
                doc("numpy:sum:0", "numpy", "numpy.sum", "numpy.sum",
                        "Sum of array elements over a given axis.")));
        String task = "Sum of the values over the requested axis, column by column.\na = np.arange(12).reshape(3, 4)\nresult = a.sum(axis=0)";

        assertThat(first(task, Recipe.VECTOR).library()).as("the embedding alone prefers the pandas page").isEqualTo("pandas");
        assertThat(first(task, Recipe.FULL).library()).isEqualTo("numpy");
    }

    @Test
    void theChunksOfOnePageAreOneItemAndLeaveRoomForOtherPages() {
        ingestor.ingest(List.of(
                doc("pandas:merge:0", "pandas", "pandas.merge", "pandas.merge (part 1/3)",
                        "Merge DataFrame objects with a database-style join on columns or indexes."),
                doc("pandas:merge:1", "pandas", "pandas.merge", "pandas.merge (part 2/3)",
                        "The join is done on columns or indexes; with how='left' the keys of the left frame are kept."),
                doc("pandas:merge:2", "pandas", "pandas.merge", "pandas.merge (part 3/3)",
                        "Merging with indicator=True adds a column telling whether each row came from the left or the right frame."),
                doc("pandas:join:0", "pandas", "pandas.DataFrame.join", "pandas.DataFrame.join",
                        "Join columns of another DataFrame on the index.")));
        String task = "import pandas as pd\nHow do I merge two data frames with a database-style left join on a key column?";

        assertThat(pages(task, Recipe.VECTOR, 2)).as("the embedding alone gives the one page twice")
                .containsExactly("pandas.merge", "pandas.merge");
        List<RecommendationItem> full = agent.recommend(new RecommendQuery(new TaskInput(task, null, List.of()), null, 2, Recipe.FULL)).items();
        assertThat(full).extracting(RecommendationItem::docId).containsExactly("pandas.merge", "pandas.DataFrame.join");
        assertThat(full.get(0).why()).as("the page keeps the votes of its other parts")
                .anyMatch(why -> why.endsWith("(another part of the page)"));
    }

    @Test
    void aReferencePageWhoseApiTheTaskSpellsOutranksOneItDoesNot() {
        ingestor.ingest(List.of(
                doc("pandas:transform:0", "pandas", "pandas.DataFrame.transform", "pandas.DataFrame.transform",
                        "Call a function on each group of rows and produce a frame with the same index, such as a running total per group."),
                doc("pandas:cumsum:0", "pandas", "pandas.DataFrame.cumsum", "pandas.DataFrame.cumsum",
                        "Return cumulative sum over a DataFrame or Series axis.")));
        String task = "import pandas as pd\nI need a running total per group of rows, with the same index as the frame. I tried cumsum but it ignores the groups.";

        assertThat(first(task, Recipe.VECTOR).docId()).as("the embedding alone prefers the transform page").isEqualTo("pandas.DataFrame.transform");
        assertThat(first(task, Recipe.FULL).docId()).isEqualTo("pandas.DataFrame.cumsum");
    }

    private RecommendationItem first(String task, Recipe recipe) {
        return agent.recommend(new RecommendQuery(new TaskInput(task, null, List.of()), null, 1, recipe)).items().get(0);
    }

    private List<String> pages(String task, Recipe recipe, int k) {
        return agent.recommend(new RecommendQuery(new TaskInput(task, null, List.of()), null, k, recipe)).items().stream()
                .map(RecommendationItem::docId).toList();
    }

    private static DocRecord doc(String id, String library, String api, String title, String text) {
        return new DocRecord(id, library, api, title, text, "https://docs.example.org/" + api, "1.0", api, List.of());
    }
}
