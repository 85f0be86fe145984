package dev.spark.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import dev.spark.validation.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SparkIntegrationTest
class DocSearchTest {

    @Autowired
    DocSearch search;

    @Autowired
    DocumentIngestor ingestor;

    @Autowired
    Graph graph;

    @BeforeEach
    void loadFixtureCorpus() {
        GraphFixtures.clear(graph);
        ingestor.ingest(GraphFixtures.DOCS, IngestOptions.defaults(), IngestProgress.NONE);
    }

    @Test
    void findsNumpySortForAStableMergesortQuestion() {
        List<DocHit> hits = search.search("stable sort with mergesort in numpy", null, 3, SearchMode.HYBRID);

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).api()).isEqualTo("numpy.sort");
        assertThat(hits.get(0).library()).isEqualTo("numpy");
        assertThat(hits.get(0).source()).isEqualTo("https://docs.example.org/numpy/numpy.sort.html");
        assertThat(hits.get(0).version()).isEqualTo("1.22.0");
    }

    @Test
    void findsTheRightApiForTypicalDataFrameTasks() {
        assertThat(search.search("read a csv file into a DataFrame", null, 1, SearchMode.HYBRID).get(0).api())
                .isEqualTo("pandas.read_csv");
        assertThat(search.search("split rows into groups and aggregate each group", null, 1, SearchMode.HYBRID).get(0).api())
                .isEqualTo("pandas.DataFrame.groupby");
        assertThat(search.search("database-style join of two frames", "pandas", 1, SearchMode.VECTOR).get(0).api())
                .isEqualTo("pandas.DataFrame.merge");
    }

    @Test
    void eachModeUsesItsOwnIndexes() {
        List<DocHit> lexical = search.search("mergesort", null, 5, SearchMode.FULLTEXT);
        assertThat(lexical).allMatch(h -> h.fulltextRank() > 0 && h.vectorRank() == 0);
        assertThat(lexical).extracting(DocHit::api).contains("numpy.sort", "pandas.DataFrame.sort_values");

        List<DocHit> dense = search.search("mergesort", null, 5, SearchMode.VECTOR);
        assertThat(dense).hasSize(5).allMatch(h -> h.vectorRank() > 0 && h.fulltextRank() == 0);
    }

    @Test
    void aLibraryFilterStillReturnsKHits() {
        // Most of the nearest chunks of this query are numpy's; pandas has only six chunks, all must come back.
        List<DocHit> hits = search.search("sort an array with a stable algorithm", "pandas", 6, SearchMode.HYBRID);

        assertThat(hits).hasSize(6).allMatch(h -> h.library().equals("pandas"));
    }

    @Test
    void resultsAreRankedByFusedScore() {
        List<DocHit> hits = search.search("unique values and their counts", null, 10, SearchMode.HYBRID);

        assertThat(hits).extracting(DocHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(hits.get(0).api()).isEqualTo("numpy.unique");
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        assertThatThrownBy(() -> search.search(" ", null, 10, SearchMode.HYBRID))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("query:");
        assertThatThrownBy(() -> search.search("sort", null, 0, SearchMode.HYBRID))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("k:");
        assertThatThrownBy(() -> search.search("sort", null, 101, SearchMode.HYBRID))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("k:");
        assertThatThrownBy(() -> search.search("x".repeat(DocSearch.MAX_QUERY + 1), null, 10, SearchMode.HYBRID))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("query:");
    }
}
