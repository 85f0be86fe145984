package dev.spark.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * All per-problem results of one retrieval recipe, over every phase it ran.
 *
 * @param recipe      short name, e.g. {@code bge-small} or {@code hybrid+lessons}
 * @param description optional one-line description of what the recipe does
 * @param problems    one entry per problem and phase
 */
public record RecipeResults(String recipe, String description, List<ProblemResult> problems) {

    public RecipeResults {
        if (recipe == null || recipe.isBlank()) {
            throw new IllegalArgumentException("recipe name must not be empty");
        }
        problems = List.copyOf(problems);
        Set<String> seen = new HashSet<>();
        for (ProblemResult p : problems) {
            if (!seen.add(p.problemId() + " " + p.phase())) {
                throw new IllegalArgumentException("recipe " + recipe + " has problem " + p.problemId()
                        + " twice in phase " + p.phase());
            }
        }
    }
}
