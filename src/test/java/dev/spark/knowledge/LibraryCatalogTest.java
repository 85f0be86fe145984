package dev.spark.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SparkIntegrationTest
class LibraryCatalogTest {

    @Autowired
    LibraryCatalog catalog;

    @Autowired
    DocumentIngestor ingestor;

    @Autowired
    Graph graph;

    @BeforeEach
    void emptyKnowledgeBase() {
        GraphFixtures.clear(graph);
    }

    @Test
    void countsLibrariesAndResolvesApisByNameOrAlias() {
        ingestor.ingest(GraphFixtures.DOCS, IngestOptions.defaults(), IngestProgress.NONE);

        assertThat(catalog.libraries()).extracting(LibraryCatalog.LibrarySummary::name).containsExactly("docs", "numpy", "pandas");
        var numpy = catalog.libraries().stream().filter(l -> l.name().equals("numpy")).findFirst().orElseThrow();
        assertThat(numpy.docCount()).isEqualTo(7);
        assertThat(numpy.apiCount()).isEqualTo(5);
        assertThat(numpy.version()).isEqualTo("1.22.0");

        var sort = catalog.api("numpy.sort").orElseThrow();
        assertThat(sort.docs()).extracting(DocHit::id).containsExactly("numpy:numpy.sort:0", "numpy:numpy.sort:1");
        assertThat(catalog.api("pandas.core.groupby.DataFrame.groupby").orElseThrow().qualifiedName())
                .isEqualTo("pandas.DataFrame.groupby");
        assertThat(catalog.api("numpy.does_not_exist")).isEmpty();
    }

    @Test
    void corpusSizeCountsChunksAndTheDistinctPagesTheyBelongTo() {
        assertThat(catalog.corpusSize()).isEqualTo(new CorpusSize(0, 0));

        ingestor.ingest(List.of(
                new DocRecord("lib:intro:0", "lib", null, "Intro", "Welcome.", null, null, "intro", List.of()),
                new DocRecord("lib:intro:1", "lib", null, "Intro > More", "More.", null, null, "intro", List.of()),
                new DocRecord("lib:f:0", "lib", "lib.f", "lib.f", "Does f.", null, null, "f", List.of())));

        assertThat(catalog.corpusSize()).isEqualTo(new CorpusSize(3, 2));
    }
}
