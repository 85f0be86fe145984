package dev.spark.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on the shape of one GraphQL request ({@code spark.graphql.*}), checked before any field runs, so an
 * over-sized request is refused whole: nothing of it is executed and nothing stored.
 *
 * @param maxDepth        deepest field nesting; the standard introspection query (GraphiQL's) reaches 13
 * @param maxComplexity   fields in the operation, fragments expanded (each selected field counts one); a
 *                        recommend asking for every field counts 20, the introspection query 62
 * @param maxAliases      aliased fields in the operation: aliases are how one request repeats an expensive field
 *                        ({@code a: recommend(...) b: recommend(...)})
 * @param maxDocumentSize characters of the query document; values passed as variables do not count
 */
@ConfigurationProperties("spark.graphql")
public record GraphQlLimits(
        @DefaultValue("15") int maxDepth,
        @DefaultValue("300") int maxComplexity,
        @DefaultValue("10") int maxAliases,
        @DefaultValue("500000") int maxDocumentSize) {

    public GraphQlLimits {
        require(maxDepth >= 2, "max-depth", "must be at least 2");
        require(maxComplexity >= 1, "max-complexity", "must be at least 1");
        require(maxAliases >= 0, "max-aliases", "must be at least 0");
        require(maxDocumentSize >= 100, "max-document-size", "must be at least 100");
    }

    private static void require(boolean ok, String name, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("spark.graphql." + name + " " + problem);
        }
    }
}
