package dev.spark.curation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Promotion into {@code commons} ({@code spark.curation.commons.*}). A lesson is served only in its own space until
 * the same advice is active in enough spaces; curation then creates one commons lesson with the text and API scope
 * alone, linked {@code PROMOTED_FROM} to each space's lesson. "The same advice" is the merge rule of
 * {@link CurationProperties} (cosine, API overlap, no disagreement), found through the lesson index.
 *
 * @param minSpaces distinct spaces (commons not counted) whose active lessons must give the same advice
 * @param batch     active lessons examined per run that were not examined before (each one once: a later lesson of
 *                  another space finds the earlier one)
 */
@ConfigurationProperties("spark.curation.commons")
public record CommonsProperties(
        @DefaultValue("2") int minSpaces,
        @DefaultValue("500") int batch) {

    public CommonsProperties {
        if (minSpaces < 1) {
            throw new IllegalArgumentException("spark.curation.commons.min-spaces must be at least 1");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("spark.curation.commons.batch must be at least 1");
        }
    }

    public static CommonsProperties defaults() {
        return new CommonsProperties(2, 500);
    }
}
