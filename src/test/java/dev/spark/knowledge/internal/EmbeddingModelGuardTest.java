package dev.spark.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.ai.EmbeddingModelChoice;
import dev.spark.graph.Graph;
import dev.spark.knowledge.DocRecord;
import dev.spark.knowledge.DocumentIngestor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SparkIntegrationTest
class EmbeddingModelGuardTest {

    @Autowired
    DocumentIngestor ingestor;

    @Autowired
    KnowledgeRepository repository;

    @Autowired
    Graph graph;

    @BeforeEach
    void emptyDatabase() {
        GraphFixtures.clear(graph);
    }

    private void ingestOneDoc() {
        ingestor.ingest(List.of(new DocRecord("numpy:numpy.sort:0", "numpy", "numpy.sort", "numpy.sort",
                "Return a sorted copy of an array; kind='stable' keeps equal elements in order.", null, "1.24",
                "numpy.sort", List.of())));
    }

    private EmbeddingModelGuard guard(EmbeddingModelChoice model) {
        return new EmbeddingModelGuard(repository, model);
    }

    @Test
    void theFirstIngestedBatchRecordsTheModelThatEmbeddedIt() {
        assertThat(repository.recordedEmbeddingModel()).isEmpty();

        ingestOneDoc();

        assertThat(repository.recordedEmbeddingModel()).contains("bge-small-en-v1.5-q");
    }

    @Test
    void startingWithAnotherModelOnADatabaseThatHoldsVectorsIsRefusedWithBothModelsNamed() {
        ingestOneDoc();

        assertThatThrownBy(() -> guard(EmbeddingModelChoice.ALL_MINILM_L6_V2).check())
                .isInstanceOf(EmbeddingModelGuard.EmbeddingModelMismatchException.class)
                .hasMessageContaining("embedded with bge-small-en-v1.5-q")
                .hasMessageContaining("spark.embedding.model is ALL_MINILM_L6_V2")
                .hasMessageContaining("SPARK_EMBEDDING_MODEL=BGE_SMALL_EN_V15_Q")
                .hasMessageContaining("SPARK_NEO4J_HOME");
        assertThatCode(() -> guard(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q).check()).doesNotThrowAnyException();
    }

    @Test
    void theOtherWeightsOfTheSameModelStartOnTheDatabase() {
        ingestOneDoc();

        assertThatCode(() -> guard(EmbeddingModelChoice.BGE_SMALL_EN_V15).check()).doesNotThrowAnyException();
        assertThat(repository.recordedEmbeddingModel()).contains("bge-small-en-v1.5-q");
    }

    @Test
    void docsEmbeddedByBothWeightsOfOneModelAreOneVectorSpaceButNotThoseOfTwoModels() {
        ingestOneDoc();
        ingestor.ingest(List.of(new DocRecord("numpy:numpy.argsort:0", "numpy", "numpy.argsort", "numpy.argsort",
                "Returns the indices that would sort an array.", null, "1.24", "numpy.argsort", List.of())));
        graph.execute("MATCH (m:EmbeddingModel) DELETE m", Map.of());
        graph.execute("MATCH (d:Doc {id: 'numpy:numpy.argsort:0'}) SET d.embeddingModel = $fp32", Map.of("fp32", "bge-small-en-v1.5"));

        assertThatCode(() -> guard(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q).check()).doesNotThrowAnyException();

        graph.execute("MATCH (m:EmbeddingModel) DELETE m", Map.of());
        graph.execute("MATCH (d:Doc {id: 'numpy:numpy.argsort:0'}) SET d.embeddingModel = $other", Map.of("other", "all-minilm-l6-v2"));
        assertThatThrownBy(() -> guard(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q).check())
                .isInstanceOf(EmbeddingModelGuard.EmbeddingModelMismatchException.class)
                .hasMessageContaining("embedded by several models");
    }

    @Test
    void aDatabaseFromBeforeTheRecordIsJudgedByTheModelNamedOnItsDocs() {
        ingestOneDoc();
        graph.execute("MATCH (m:EmbeddingModel) DELETE m", Map.of());

        assertThatThrownBy(() -> guard(EmbeddingModelChoice.ALL_MINILM_L6_V2_Q).check())
                .isInstanceOf(EmbeddingModelGuard.EmbeddingModelMismatchException.class)
                .hasMessageContaining("embedded with bge-small-en-v1.5-q");
        assertThat(repository.recordedEmbeddingModel()).contains("bge-small-en-v1.5-q");
    }

    @Test
    void aDatabaseWithoutVectorsTakesAnotherModel() {
        ingestOneDoc();
        graph.execute("MATCH (d:Doc) DETACH DELETE d", Map.of());

        guard(EmbeddingModelChoice.ALL_MINILM_L6_V2).check();

        assertThat(repository.recordedEmbeddingModel()).isEmpty();
    }
}
