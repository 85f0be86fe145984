package dev.spark.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One DS-1000 problem as read from the dataset's JSON Lines file.
 *
 * @param problemId            global id, unique across libraries
 * @param libraryProblemId     id within the library; perturbation links refer to this one
 * @param library              library as DS-1000 spells it ({@code Pandas}, {@code Sklearn}, ...)
 * @param perturbationType     one of {@link #PERTURBATION_TYPES}
 * @param perturbationOriginId {@code library_problem_id} of the problem this one derives from (itself for
 *                             an {@code Origin}); may point at another perturbation
 * @param prompt               the task as an agent receives it
 * @param referenceCode        the accepted solution
 * @param codeContext          the official test harness
 * @param goldDocIds           documentation pages ({@code doc_id}) annotated as needed; often empty
 * @param goldFunctions        the function names the page annotations were made for
 * @param apis                 qualified APIs used by the reference solution
 */
public record Ds1000Problem(int problemId, int libraryProblemId, String library, String perturbationType,
                            int perturbationOriginId, String prompt, String referenceCode, String codeContext,
                            List<String> goldDocIds, List<String> goldFunctions, List<String> apis) {

    public static final String ORIGIN = "Origin";
    public static final List<String> PERTURBATION_TYPES = List.of(ORIGIN, "Surface", "Semantic", "Difficult-Rewrite");

    public Ds1000Problem {
        goldDocIds = List.copyOf(goldDocIds);
        goldFunctions = List.copyOf(goldFunctions);
        apis = List.copyOf(apis);
    }

    public boolean isOrigin() {
        return ORIGIN.equals(perturbationType);
    }

    /** The library as the documentation corpus spells it: lower case ({@code pandas}, {@code sklearn}). */
    public String corpusLibrary() {
        return library.toLowerCase(Locale.ROOT);
    }

    /** The gold pages without repeats, in annotation order; empty when the problem has no page labels. */
    public Set<String> goldPages() {
        return new LinkedHashSet<>(goldDocIds);
    }
}
