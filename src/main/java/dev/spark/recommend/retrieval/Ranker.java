package dev.spark.recommend.retrieval;

import dev.spark.knowledge.ApiNames;
import dev.spark.recommend.ItemKind;
import dev.spark.recommend.internal.RecommendRepository.LessonStanding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Orders every candidate of every path: weighted reciprocal-rank fusion (a vote adds
 * {@code pathWeight * voteWeight / (rrfK + rank)}), then the quality factors, then score, with ties broken by
 * reference and kind so that the order never depends on which path answered first.
 *
 * <p>Quality factors: a lesson's score is multiplied by {@code 0.5 + trust} (curation's Beta-posterior trust from
 * the ratings and outcomes of advice citing it, so 0.5-1.5), and by {@link #UNVERIFIED_WEIGHT} more when it is a
 * candidate not yet confirmed by other agents or ratings; documentation of a library the task names by the
 * intent-library boost. When the recipe reads the task's intent (anything but {@link TaskIntent#NONE}), the
 * documentation is then put in the order of the task's structure ({@link DocumentPriors}): the library the task is
 * routed to, else any library it names; the reference page of an API whose own name the task spells; the pages of
 * a class or module that several of the best pages share; and each page once, at its best chunk, so that the
 * chunks of one long page do not crowd out other pages. That order fills the places documentation holds, so it
 * never moves documentation past experience.
 */
public final class Ranker {

    /** Weight of a candidate (unverified) lesson relative to an active one of the same trust. */
    public static final double UNVERIFIED_WEIGHT = 0.5;

    /** A path's findings and its weight in the recipe. */
    public record Weighted(double weight, Found found) {
    }

    /** A ranked candidate: its fused and quality-weighted score, and the votes that found it. */
    public record Candidate(ItemKind kind, String ref, double score, List<String> why) {

        public Candidate {
            why = List.copyOf(why);
        }
    }

    private static final Comparator<Candidate> ORDER = Comparator.comparingDouble((Candidate c) -> -c.score())
            .thenComparing(Candidate::ref).thenComparing(Candidate::kind);

    /**
     * How the task's structure weighs documentation.
     *
     * @param intentLibraryBoost factor on documentation of a library the task names or imports (when it is not routed)
     * @param routedLibraryBoost factor on documentation of the library the task is routed to ({@link LibraryRouter})
     * @param namedApiBoost      factor on a reference page whose API's own name the task spells
     * @param siblingBoost       factor on a reference page of a class or module that at least two of the best
     *                           {@value #SIBLING_WINDOW} pages document members of
     */
    public record DocumentPriors(double intentLibraryBoost, double routedLibraryBoost, double namedApiBoost,
                                 double siblingBoost) {

        /** No structure: only the intent-library boost, as before routing existed. */
        public static DocumentPriors libraryBoostOnly(double intentLibraryBoost) {
            return new DocumentPriors(intentLibraryBoost, intentLibraryBoost, 1.0, 1.0);
        }
    }

    /** The best pages whose classes and modules are compared. */
    public static final int SIBLING_WINDOW = 5;

    private final int rrfK;
    private final DocumentPriors priors;

    public Ranker(int rrfK, DocumentPriors priors) {
        this.rrfK = rrfK;
        this.priors = priors;
    }

    /**
     * Every candidate, best first. Votes are added in the order given (recipe order), which fixes the order of
     * each candidate's reasons; {@code intent} {@link TaskIntent#NONE} leaves documentation unboosted.
     */
    public List<Candidate> rank(List<Weighted> paths, Evidence evidence, TaskIntent intent) {
        Map<String, Fused> fused = new LinkedHashMap<>();
        for (Weighted path : paths) {
            for (Vote vote : path.found().votes()) {
                Fused c = fused.computeIfAbsent(vote.kind() + "|" + vote.ref(), key -> new Fused(vote.kind(), vote.ref()));
                c.score += path.weight() * vote.weight() / (rrfK + vote.rank());
                c.why.add(vote.why());
            }
        }
        List<Candidate> ranked = new ArrayList<>(fused.size());
        List<Candidate> documentation = new ArrayList<>();
        for (Fused c : fused.values()) {
            ranked.add(new Candidate(c.kind, c.ref, c.score * quality(c, evidence, intent), c.why));
            if (c.kind == ItemKind.DOCUMENTATION && intent != TaskIntent.NONE) {
                documentation.add(new Candidate(c.kind, c.ref, c.score * documentPrior(evidence.docs().get(c.ref), intent), c.why));
            }
        }
        ranked.sort(ORDER);
        if (intent == TaskIntent.NONE) {
            return ranked;
        }
        documentation.sort(ORDER);
        return inDocumentationPlaces(ranked, neighboursAgree(pagesOnce(documentation, evidence), evidence));
    }

    /**
     * The task's structure decides which documentation comes first, not how documentation compares with experience:
     * the structured documentation takes, in its order, the places documentation holds in the plain ranking (and
     * their scores), so a worked example, a pitfall or a lesson keeps its place. Places left over when pages merged
     * are dropped.
     */
    private static List<Candidate> inDocumentationPlaces(List<Candidate> plain, List<Candidate> documentation) {
        List<Candidate> merged = new ArrayList<>(plain.size());
        int next = 0;
        for (Candidate c : plain) {
            if (c.kind() != ItemKind.DOCUMENTATION) {
                merged.add(c);
            } else if (next < documentation.size()) {
                Candidate doc = documentation.get(next++);
                merged.add(new Candidate(doc.kind(), doc.ref(), c.score(), doc.why()));
            }
        }
        return merged;
    }

    /**
     * When several of the best pages document members of one class or module ({@code pandas.DataFrame.*}), that
     * is where the answer probably is: every reference page of such a shared owner is multiplied by the sibling
     * boost, so the owner's other members found lower down come up, and a lone page of another class goes down.
     */
    private List<Candidate> neighboursAgree(List<Candidate> ranked, Evidence evidence) {
        if (priors.siblingBoost() == 1.0) {
            return ranked;
        }
        Map<String, Integer> owners = new HashMap<>();
        ranked.stream().filter(c -> c.kind() == ItemKind.DOCUMENTATION).limit(SIBLING_WINDOW)
                .map(c -> owner(evidence.docs().get(c.ref()))).filter(Objects::nonNull)
                .forEach(owner -> owners.merge(owner, 1, Integer::sum));
        owners.values().removeIf(n -> n < 2);
        if (owners.isEmpty()) {
            return ranked;
        }
        List<Candidate> boosted = new ArrayList<>(ranked.size());
        for (Candidate c : ranked) {
            String owner = c.kind() == ItemKind.DOCUMENTATION ? owner(evidence.docs().get(c.ref())) : null;
            if (owner != null && owners.containsKey(owner)) {
                List<String> why = new ArrayList<>(c.why());
                why.add("a member of " + owner + ", like other top pages");
                boosted.add(new Candidate(c.kind(), c.ref(), c.score() * priors.siblingBoost(), why));
            } else {
                boosted.add(c);
            }
        }
        boosted.sort(ORDER);
        return boosted;
    }

    /** The class or module a reference page's API belongs to; none for prose. */
    private static String owner(Evidence.DocFacts doc) {
        if (doc == null || !ApiNames.isQualified(doc.api())) {
            return null;
        }
        return doc.api().substring(0, doc.api().lastIndexOf('.'));
    }

    /**
     * Keeps each documentation page once, as its best chunk, which takes the reasons of the page's other chunks:
     * a page split into many chunks is one answer, not several.
     */
    private static List<Candidate> pagesOnce(List<Candidate> ranked, Evidence evidence) {
        Map<String, Integer> pageAt = new LinkedHashMap<>();
        List<Candidate> kept = new ArrayList<>(ranked.size());
        for (Candidate c : ranked) {
            Evidence.DocFacts facts = c.kind() == ItemKind.DOCUMENTATION ? evidence.docs().get(c.ref()) : null;
            if (facts == null || facts.page() == null) {
                kept.add(c);
                continue;
            }
            Integer at = pageAt.get(facts.page());
            if (at == null) {
                pageAt.put(facts.page(), kept.size());
                kept.add(c);
            } else {
                Candidate best = kept.get(at);
                List<String> why = new ArrayList<>(best.why());
                c.why().forEach(reason -> why.add(reason + " (another part of the page)"));
                kept.set(at, new Candidate(best.kind(), best.ref(), best.score(), why));
            }
        }
        return kept;
    }

    private double quality(Fused c, Evidence evidence, TaskIntent intent) {
        if (c.kind == ItemKind.LESSON) {
            LessonStanding standing = evidence.lessons().get(c.ref);
            if (standing != null) {
                return (0.5 + standing.trust()) * (standing.verified() ? 1.0 : UNVERIFIED_WEIGHT);
            }
        }
        Evidence.DocFacts doc = c.kind == ItemKind.DOCUMENTATION ? evidence.docs().get(c.ref) : null;
        if (doc != null && intent.concerns(doc.library())) {
            return priors.intentLibraryBoost();
        }
        return 1.0;
    }

    private double documentPrior(Evidence.DocFacts doc, TaskIntent intent) {
        if (doc == null) {
            return 1.0;
        }
        double prior = 1.0;
        if (intent.routedTo(doc.library())) {
            prior *= priors.routedLibraryBoost();
        } else if (intent.routedLibrary().isEmpty() && intent.concerns(doc.library())) {
            prior *= priors.intentLibraryBoost();
        }
        if (ApiNames.isQualified(doc.api()) && intent.names(doc.api())) {
            prior *= priors.namedApiBoost();
        }
        return prior;
    }

    private static final class Fused {
        final ItemKind kind;
        final String ref;
        final List<String> why = new ArrayList<>();
        double score;

        Fused(ItemKind kind, String ref) {
            this.kind = kind;
            this.ref = ref;
        }
    }
}
