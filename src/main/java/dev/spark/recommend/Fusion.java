package dev.spark.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Weighted reciprocal-rank fusion over the ranked lists of every retrieval path, remembering who found what. */
final class Fusion {

    static final class Candidate {
        final ItemKind kind;
        final String ref;
        double score;
        final List<String> why = new ArrayList<>();

        Candidate(ItemKind kind, String ref) {
            this.kind = kind;
            this.ref = ref;
        }
    }

    private final int rrfK;
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();

    Fusion(int rrfK) {
        this.rrfK = rrfK;
    }

    /** Adds one vote: the candidate is at 1-based {@code rank} of a path whose votes weigh {@code weight}. */
    void vote(ItemKind kind, String ref, int rank, double weight, String why) {
        Candidate c = candidates.computeIfAbsent(kind + "|" + ref, k -> new Candidate(kind, ref));
        c.score += weight / (rrfK + rank);
        c.why.add(why);
    }

    /** Multiplies a candidate's fused score, e.g. by the quality of a lesson. */
    void scale(ItemKind kind, String ref, double factor) {
        Candidate c = candidates.get(kind + "|" + ref);
        if (c != null) {
            c.score *= factor;
        }
    }

    List<Candidate> ranked() {
        List<Candidate> list = new ArrayList<>(candidates.values());
        list.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparing(c -> c.ref));
        return list;
    }
}
