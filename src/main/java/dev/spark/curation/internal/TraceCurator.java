package dev.spark.curation.internal;

import dev.spark.curation.CurationProperties;
import dev.spark.curation.LessonAction;
import dev.spark.experience.Outcome;
import dev.spark.experience.PendingTrace;
import dev.spark.experience.TraceFeed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.TransactionContext;

/**
 * Curates one trace inside one transaction: stores its screened candidates (merged into a near-duplicate, or as
 * a new clustered and grounded candidate), credits the lessons of the recommendation it followed with its rating
 * and outcome, moves those lessons through their lifecycle, and marks the trace curated. Returns the decisions,
 * which are recorded in the same transaction. The transaction may be retried, so nothing here keeps state.
 */
public final class TraceCurator {

    /**
     * A candidate ready for the transaction: screened and, unless quarantined, embedded; {@code indexed} are its nearest
     * committed lessons when the batch began ({@link #withNeighbours} reads them; null until then).
     */
    public record Prepared(LessonCandidate candidate, Optional<String> quarantine, float[] vector,
                           List<CurationRepository.Neighbour> indexed) {

        public Prepared(LessonCandidate candidate, Optional<String> quarantine, float[] vector) {
            this(candidate, quarantine, vector, null);
        }

        Prepared withIndexed(List<CurationRepository.Neighbour> neighbours) {
            return new Prepared(candidate, quarantine, vector, neighbours);
        }
    }

    /** A canonical lesson created by a trace of the current batch. */
    private record Fresh(String id, String text, float[] vector, List<String> apis, List<String> family, String code, String cluster,
                         String space) {
    }

    /** What one trace's transaction decided, and the canonical lessons it created. */
    public record Curated(List<Decision> decisions, List<Fresh> created) {
    }

    /**
     * What the committed traces of a batch changed since its neighbours were read: lessons created (the neighbours
     * read before the batch cannot hold them) and lessons no longer live. Updated only after a trace's transaction
     * commits, so a retried transaction sees the same state.
     */
    public static final class Batch {
        private final List<Fresh> created = new ArrayList<>();
        private final java.util.Set<String> gone = new java.util.HashSet<>();

        public void committed(Curated curated) {
            created.addAll(curated.created());
            curated.decisions().stream().filter(d -> d.action() == LessonAction.RETIRED).forEach(d -> gone.add(d.lessonId()));
        }
    }

    private final CurationRepository repo;
    private final TraceFeed feed;
    private final CurationProperties props;
    private final MergeDecision mergeDecision;
    private final AdviceJudge judge;

    public TraceCurator(CurationRepository repo, TraceFeed feed, CurationProperties props, AdviceJudge judge) {
        this.repo = repo;
        this.feed = feed;
        this.props = props;
        this.judge = judge;
        this.mergeDecision = new MergeDecision(props.mergeSimilarity(), props.mergeApiOverlap(), props.mergeDisagreement());
    }

    /**
     * Reads the nearest committed lessons of every embedded candidate of a batch in one statement, before any of the
     * batch's transactions; {@link #curate} adds what the batch's earlier traces changed.
     */
    public List<List<Prepared>> withNeighbours(List<PendingTrace> traces, List<List<Prepared>> batch) {
        List<CurationRepository.NearestQuery> queries = new ArrayList<>();
        for (int t = 0; t < batch.size(); t++) {
            for (Prepared p : batch.get(t)) {
                if (p.quarantine().isEmpty()) {
                    queries.add(new CurationRepository.NearestQuery(p.vector(), LessonCandidate.family(p.candidate().kind()),
                            space(traces.get(t))));
                }
            }
        }
        // a few more than needed, for lessons that leave the live ones while the batch runs
        List<List<CurationRepository.Neighbour>> found = repo.nearestAll(queries, props.mergeCandidates(), props.mergeCandidates());
        List<List<Prepared>> out = new ArrayList<>();
        int q = 0;
        for (List<Prepared> trace : batch) {
            List<Prepared> mine = new ArrayList<>();
            for (Prepared p : trace) {
                mine.add(p.quarantine().isEmpty() ? p.withIndexed(found.get(q++)) : p);
            }
            out.add(mine);
        }
        return out;
    }

    public Curated curate(TransactionContext tx, String runId, PendingTrace trace, List<Prepared> prepared, Batch batch, TraceHook hook) {
        if (!feed.claim(tx, trace.traceId())) {
            return new Curated(List.of(), List.of()); // curated meanwhile by another run: its lessons, merges and credits are already there
        }
        List<Decision> decisions = new ArrayList<>();
        List<Fresh> fresh = new ArrayList<>();
        int successes = trace.outcome() == Outcome.SUCCESS ? 1 : 0;
        int failures = trace.outcome() == Outcome.FAILURE ? 1 : 0;
        for (Prepared p : prepared) {
            LessonCandidate c = p.candidate();
            String id = "lesson-" + UUID.randomUUID();
            if (p.quarantine().isPresent()) {
                repo.createQuarantined(tx, id, c, p.quarantine().get(), trace.space(), successes, failures);
                decisions.add(new Decision(id, LessonAction.QUARANTINED, p.quarantine().get()));
                continue;
            }
            List<CurationRepository.Neighbour> neighbours = neighbours(trace, p, batch, fresh);
            Optional<Match> duplicate = neighbours.stream().map(n -> new Match(n, Similarity.apiOverlap(c.apis(), n.apis())))
                    .filter(m -> mergeDecision.decide(c.text(), c.apis(), m.neighbour().text(), m.neighbour().apis(),
                            m.neighbour().similarity()).merge())
                    .filter(m -> sameCode(c, m.neighbour()))
                    .findFirst();
            if (duplicate.isPresent()) {
                merge(tx, trace, id, c, duplicate.get(), successes, failures, decisions, String.format(
                        "near-duplicate of %s (similarity %.3f, API overlap %.2f)", duplicate.get().neighbour().id(),
                        duplicate.get().neighbour().similarity(), duplicate.get().overlap()));
                continue;
            }
            List<Match> band = LessonCandidate.EXAMPLE.equals(c.kind()) ? List.of() : neighbours.stream()
                    .filter(n -> n.similarity() >= props.suggestSimilarity())
                    .map(n -> new Match(n, Similarity.apiOverlap(c.apis(), n.apis())))
                    .filter(m -> m.overlap() >= props.mergeApiOverlap())
                    .limit(JUDGED_PER_CANDIDATE).toList();
            List<Judged> judged = band.stream().map(m -> new Judged(m, judge.compare(c.text(), m.neighbour().text(), union(c, m))))
                    .toList();
            Optional<Judged> same = judged.stream().filter(j -> j.is(AdviceComparison.Relation.SAME)).findFirst();
            if (same.isPresent()) {
                Match m = same.get().match();
                merge(tx, trace, id, c, m, successes, failures, decisions, String.format(
                        "same advice as %s, judged by %s: %s (similarity %.3f, API overlap %.2f)", m.neighbour().id(), judge.name(),
                        same.get().verdict().get().reason(), m.neighbour().similarity(), m.overlap()));
                continue;
            }
            String cluster = create(tx, trace, id, p, neighbours, successes, failures, decisions);
            fresh.add(new Fresh(id, c.text(), p.vector(), c.apis(), LessonCandidate.family(c.kind()), c.code(), cluster, space(trace)));
            for (Judged j : judged) {
                if (j.is(AdviceComparison.Relation.OPPOSITE)) {
                    String rival = j.match().neighbour().id();
                    String why = "opposite advice, judged by " + judge.name() + ": " + j.verdict().get().reason();
                    repo.contradict(tx, id, rival);
                    decisions.add(new Decision(id, LessonAction.CONTRADICTED, why + " (" + rival + ")"));
                    decisions.add(new Decision(rival, LessonAction.CONTRADICTED, why + " (" + id + ")"));
                }
            }
            judged.stream().filter(j -> j.verdict().isEmpty())
                    .filter(j -> !props.mergeDisagreement() || MergeDecision.disagreement(c.text(), j.match().neighbour().text()).isEmpty())
                    .findFirst().ifPresent(j -> {
                        Match m = j.match();
                        repo.suggestMerge(tx, id, m.neighbour().id(), m.neighbour().similarity(), m.overlap());
                        decisions.add(new Decision(id, LessonAction.SUGGESTED, String.format(
                                "may give the same advice as %s (similarity %.3f, API overlap %.2f); left for review",
                                m.neighbour().id(), m.neighbour().similarity(), m.overlap())));
                    });
        }
        credit(tx, trace, decisions);
        hook.beforeCommit(trace);
        repo.decide(tx, runId, decisions);
        return new Curated(decisions, fresh);
    }

    /** Neighbours in the review band asked of the judge, per candidate: the judge is the slowest step of a run. */
    private static final int JUDGED_PER_CANDIDATE = 3;

    private record Match(CurationRepository.Neighbour neighbour, double overlap) {
    }

    private record Judged(Match match, Optional<AdviceComparison> verdict) {
        boolean is(AdviceComparison.Relation relation) {
            return verdict.isPresent() && verdict.get().relation() == relation;
        }
    }

    private static List<String> union(LessonCandidate c, Match m) {
        java.util.Set<String> apis = new java.util.TreeSet<>(c.apis());
        apis.addAll(m.neighbour().apis());
        return List.copyOf(apis);
    }

    /**
     * Worked examples are the same example only with the same code: their texts embed close together whenever the
     * tasks are alike, even when the code differs in what matters ({@code axis=0} against {@code axis=1}).
     */
    private static boolean sameCode(LessonCandidate c, CurationRepository.Neighbour n) {
        return !LessonCandidate.EXAMPLE.equals(c.kind()) || n.code() != null && c.code() != null
                && n.code().replaceAll("\\s+", "").equals(c.code().replaceAll("\\s+", ""));
    }

    private static String space(PendingTrace trace) {
        return trace.space() == null ? "commons" : trace.space();
    }

    /**
     * Live lessons of the trace's space near the candidate: the nearest committed ones (read when the batch began,
     * corrected by what the batch's earlier traces created and retired, as if read now) and every one created in this
     * very transaction. A lesson of one space never merges into, clusters with or contradicts a lesson of another.
     */
    private List<CurationRepository.Neighbour> neighbours(PendingTrace trace, Prepared p, Batch batch, List<Fresh> fresh) {
        List<String> family = LessonCandidate.family(p.candidate().kind());
        String space = space(trace);
        List<CurationRepository.Neighbour> committed = new ArrayList<>();
        p.indexed().stream().filter(n -> !batch.gone.contains(n.id())).forEach(committed::add);
        batch.created.stream().filter(f -> f.family().equals(family) && f.space().equals(space) && !batch.gone.contains(f.id()))
                .map(f -> near(p, f)).forEach(committed::add);
        committed.sort(BY_SIMILARITY);
        List<CurationRepository.Neighbour> all = new ArrayList<>(committed.subList(0, Math.min(props.mergeCandidates(), committed.size())));
        for (Fresh f : fresh) {
            if (f.family().equals(family)) {
                all.add(near(p, f));
            }
        }
        all.sort(BY_SIMILARITY);
        return all;
    }

    private static final Comparator<CurationRepository.Neighbour> BY_SIMILARITY =
            Comparator.comparingDouble(CurationRepository.Neighbour::similarity).reversed();

    private static CurationRepository.Neighbour near(Prepared p, Fresh f) {
        return new CurationRepository.Neighbour(f.id(), f.text(), Similarity.cosine(p.vector(), f.vector()), f.apis(),
                p.candidate().kind(), f.code(), f.cluster());
    }

    private void merge(TransactionContext tx, PendingTrace trace, String id, LessonCandidate c, Match match, int successes,
                       int failures, List<Decision> decisions, String reason) {
        String canonical = match.neighbour().id();
        CurationRepository.Absorbed absorbed = repo.createMerged(tx, id, c, trace.space(), successes, failures, canonical,
                match.neighbour().similarity(), match.overlap());
        decisions.add(new Decision(id, LessonAction.MERGED, reason));
        if ("CANDIDATE".equals(absorbed.status()) && absorbed.agents() >= props.promoteAgents()) {
            promote(tx, canonical, "supported by " + absorbed.agents() + " distinct agents", decisions);
        }
    }

    /** Stores a new canonical candidate, grounded and clustered; returns its cluster. */
    private String create(TransactionContext tx, PendingTrace trace, String id, Prepared p, List<CurationRepository.Neighbour> neighbours,
                          int successes, int failures, List<Decision> decisions) {
        LessonCandidate c = p.candidate();
        Optional<CurationRepository.Neighbour> nearest = neighbours.stream().findFirst()
                .filter(n -> n.cluster() != null && n.similarity() >= props.clusterSimilarity()
                        && (Similarity.apiOverlap(c.apis(), n.apis()) > 0));
        CurationRepository.ClusterChoice cluster = nearest
                .map(n -> new CurationRepository.ClusterChoice(n.cluster(), true, null))
                .orElseGet(() -> new CurationRepository.ClusterChoice("cluster-" + UUID.randomUUID(), false, ClusterLabel.of(c.text(), c.apis())));
        String label = repo.createCanonical(tx, id, c, trace.space(), successes, failures, p.vector(), props.docsPerApi(), cluster);
        decisions.add(new Decision(id, LessonAction.CREATED, c.kind() + " lesson from trace " + trace.traceId() + " of " + trace.agentId()));
        decisions.add(new Decision(id, LessonAction.CLUSTERED, nearest.map(n -> String.format("joined cluster %s (%s) of %s, similarity %.3f",
                n.cluster(), label, n.id(), n.similarity())).orElse("started cluster " + cluster.cluster() + " (" + cluster.label() + ")")));
        if (LessonCandidate.FIX.equals(c.kind())) {
            for (String rival : repo.swappedFixes(tx, id, c.dropped(), c.added(), space(trace))) {
                repo.contradict(tx, id, rival);
                decisions.add(new Decision(id, LessonAction.CONTRADICTED, "swaps the dropped and added APIs of " + rival));
                decisions.add(new Decision(rival, LessonAction.CONTRADICTED, "swaps the dropped and added APIs of " + id));
            }
        }
        if (props.promoteAgents() <= 1) {
            promote(tx, id, "supported by 1 agent, as configured", decisions);
        }
        return cluster.cluster();
    }

    /**
     * The rating and outcome of a trace that followed a recommendation are evidence about the lessons it cited:
     * trust moves, and a helpful rating from someone other than a lesson's authors promotes it.
     */
    private void credit(TransactionContext tx, PendingTrace trace, List<Decision> decisions) {
        if (trace.followedRecommendationId() == null || trace.citedLessonIds().isEmpty()) {
            return;
        }
        Integer rating = trace.rating();
        boolean helpfulRating = rating != null && rating >= props.helpfulRating();
        Evidence observed = Evidence.of(rating, trace.outcome(), props);
        for (String lesson : repo.canonical(tx, trace.citedLessonIds())) {
            CurationRepository.LessonState state = repo.addEvidence(tx, lesson, observed.helpful(), observed.unhelpful());
            if (!CurationRepository.LIVE.contains(state.status())) {
                continue;
            }
            String evidence = String.format("trust %.2f after %d observations", state.trust(), state.evidence());
            if (state.evidence() >= props.minEvidence() && state.trust() < props.retireBelow()) {
                repo.setStatus(tx, lesson, "RETIRED", evidence);
                decisions.add(new Decision(lesson, LessonAction.RETIRED, evidence + " (below " + props.retireBelow() + ")"));
                continue;
            }
            if ("CANDIDATE".equals(state.status()) && helpfulRating && !repo.authors(tx, lesson).contains(trace.agentId())) {
                promote(tx, lesson, "rated " + rating + " by " + trace.agentId() + ", not one of its authors", decisions);
            }
            if (state.contested()) {
                settle(tx, lesson, state, decisions);
            }
        }
    }

    /** A contradiction is settled once both sides have enough evidence and their trust differs enough. */
    private void settle(TransactionContext tx, String lesson, CurationRepository.LessonState state, List<Decision> decisions) {
        for (CurationRepository.Rival rival : repo.rivals(tx, lesson)) {
            if (state.evidence() < props.contestEvidence() || rival.evidence() < props.contestEvidence()
                    || Math.abs(state.trust() - rival.trust()) < props.contestMargin()) {
                continue;
            }
            boolean wins = state.trust() > rival.trust();
            String winner = wins ? lesson : rival.id();
            String loser = wins ? rival.id() : lesson;
            String why = String.format("trust %.2f against %.2f", Math.max(state.trust(), rival.trust()), Math.min(state.trust(), rival.trust()));
            repo.supersede(tx, winner, loser, "superseded by " + winner + ": " + why);
            decisions.add(new Decision(winner, LessonAction.SUPERSEDED, "supersedes " + loser + ": " + why));
            decisions.add(new Decision(loser, LessonAction.RETIRED, "superseded by " + winner + ": " + why));
            if (!wins) {
                return;
            }
        }
    }

    private void promote(TransactionContext tx, String lesson, String reason, List<Decision> decisions) {
        repo.setStatus(tx, lesson, "ACTIVE", reason);
        decisions.add(new Decision(lesson, LessonAction.PROMOTED, reason));
    }
}
