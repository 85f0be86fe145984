package dev.spark.curation.internal;

import dev.spark.curation.CommonsProperties;
import dev.spark.curation.CurationProperties;
import dev.spark.curation.LessonAction;
import dev.spark.graph.Graph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How advice leaves its space: when active lessons of at least {@code spark.curation.commons.min-spaces} spaces give
 * the same advice (the merge rule: cosine, API overlap, no disagreement), one {@code commons} lesson is created with
 * the text and API scope only, linked {@code PROMOTED_FROM} to each of them; a further space's lesson with the same
 * advice is linked to it. Each active lesson is examined once, against its nearest neighbours in the lesson index
 * (never all pairs): whichever of two matching lessons becomes active later finds the other.
 */
public final class CommonsPromotion {

    /** Advice only: worked examples are code from a space's traces and stay there. */
    static final List<String> KINDS = List.of(LessonCandidate.AGENT, LessonCandidate.FIX);

    private final Graph graph;
    private final CurationRepository repo;
    private final CurationProperties curation;
    private final CommonsProperties commons;
    private final MergeDecision sameAdvice;

    public CommonsPromotion(Graph graph, CurationRepository repo, CurationProperties curation, CommonsProperties commons) {
        this.graph = graph;
        this.repo = repo;
        this.curation = curation;
        this.commons = commons;
        this.sameAdvice = new MergeDecision(curation.mergeSimilarity(), curation.mergeApiOverlap(), curation.mergeDisagreement());
    }

    /** Examines the active lessons not examined yet, one transaction each; returns the decisions recorded. */
    public List<Decision> run(String runId) {
        List<Decision> all = new ArrayList<>();
        for (CurationRepository.PromotionCandidate candidate : repo.promotionCandidates(KINDS, commons.batch())) {
            all.addAll(graph.write(tx -> {
                List<Decision> decisions = promote(tx, candidate);
                repo.commonsChecked(tx, candidate.id());
                repo.decide(tx, runId, decisions);
                return decisions;
            }));
        }
        return all;
    }

    private List<Decision> promote(org.neo4j.driver.TransactionContext tx, CurationRepository.PromotionCandidate c) {
        List<CurationRepository.PromotionNeighbour> same = repo.promotionNeighbours(tx, c, KINDS, curation.mergeCandidates()).stream()
                .filter(n -> sameAdvice.decide(c.text(), c.apis(), n.text(), n.apis(), n.similarity()).merge())
                .toList();
        Optional<String> existing = same.stream().map(n -> n.promoted() ? n.id() : n.commons()).filter(id -> id != null).findFirst();
        if (existing.isPresent()) {
            long spaces = repo.linkCommons(tx, existing.get(), List.of(c.id()));
            return List.of(new Decision(existing.get(), LessonAction.PROMOTED_TO_COMMONS,
                    "the same advice is now active in " + spaces + " spaces"));
        }
        // the best match of each other space, so that one space with many paraphrases counts once
        Map<String, CurationRepository.PromotionNeighbour> bySpace = new LinkedHashMap<>();
        same.stream().filter(n -> !n.promoted() && n.space() != null).forEach(n -> bySpace.putIfAbsent(n.space(), n));
        int spaces = 1 + bySpace.size();
        if (spaces < commons.minSpaces()) {
            return List.of();
        }
        String id = "lesson-" + UUID.randomUUID();
        double lowest = bySpace.values().stream().mapToDouble(CurationRepository.PromotionNeighbour::similarity).min().orElse(1.0);
        String reason = String.format("the same advice is active in %d spaces (similarity at least %.3f), at least %d required",
                spaces, lowest, commons.minSpaces());
        repo.createCommons(tx, id, c.id(), reason);
        List<String> members = new ArrayList<>();
        members.add(c.id());
        bySpace.values().forEach(n -> members.add(n.id()));
        repo.linkCommons(tx, id, members);
        return List.of(new Decision(id, LessonAction.PROMOTED_TO_COMMONS, reason));
    }
}
