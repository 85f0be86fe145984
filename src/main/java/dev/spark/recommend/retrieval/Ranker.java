package dev.spark.recommend.retrieval;

import dev.spark.recommend.ItemKind;
import dev.spark.recommend.internal.RecommendRepository.LessonStanding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders every candidate of every path: weighted reciprocal-rank fusion (a vote adds
 * {@code pathWeight * voteWeight / (rrfK + rank)}), then the quality factors, then score, with ties broken by
 * reference and kind so that the order never depends on which path answered first.
 *
 * <p>Quality factors: a lesson's score is multiplied by {@code 0.5 + trust} (curation's Beta-posterior trust from
 * the ratings and outcomes of advice citing it, so 0.5-1.5), and by {@link #UNVERIFIED_WEIGHT} more when it is a
 * candidate not yet confirmed by other agents or ratings; documentation of a library the task is about by the
 * intent-library boost.
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

    private final int rrfK;
    private final double intentLibraryBoost;

    public Ranker(int rrfK, double intentLibraryBoost) {
        this.rrfK = rrfK;
        this.intentLibraryBoost = intentLibraryBoost;
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
        for (Fused c : fused.values()) {
            ranked.add(new Candidate(c.kind, c.ref, c.score * quality(c, evidence, intent), c.why));
        }
        ranked.sort(ORDER);
        return ranked;
    }

    private double quality(Fused c, Evidence evidence, TaskIntent intent) {
        if (c.kind == ItemKind.LESSON) {
            LessonStanding standing = evidence.lessons().get(c.ref);
            if (standing != null) {
                return (0.5 + standing.trust()) * (standing.verified() ? 1.0 : UNVERIFIED_WEIGHT);
            }
        }
        if (c.kind == ItemKind.DOCUMENTATION && intent.concerns(evidence.libraries().get(c.ref))) {
            return intentLibraryBoost;
        }
        return 1.0;
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
