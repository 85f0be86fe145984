package dev.spark.experience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.experience.PendingTrace.CandidateEmbeddings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateEmbeddingsTest {

    private final float[] vector = {0.6f, 0.8f};
    private final CandidateEmbeddings byInt8 = new CandidateEmbeddings("bge-small-en-v1.5-q", Map.of("Sort with kind='stable'", vector));

    @Test
    void theBackfillsEmbeddingServesTheSameModelAndTheOtherWeightsOfItsVectorSpace() {
        assertThat(byInt8.of("Sort with kind='stable'", "bge-small-en-v1.5-q")).containsSame(vector);
        assertThat(byInt8.of("Sort with kind='stable'", "bge-small-en-v1.5")).as("fp32 weights, one vector space").containsSame(vector);
    }

    @Test
    void anotherModelsOrAnotherTextsEmbeddingIsNotServed() {
        assertThat(byInt8.of("Sort with kind='stable'", "all-minilm-l6-v2-q")).isEmpty();
        assertThat(byInt8.of("Sort in place", "bge-small-en-v1.5-q")).isEmpty();
        assertThat(CandidateEmbeddings.NONE.of("Sort with kind='stable'", "bge-small-en-v1.5-q")).isEmpty();
    }
}
