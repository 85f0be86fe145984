package dev.spark.curation;

import dev.spark.ai.TextEmbedder;
import dev.spark.curation.internal.ClusterLabel;
import dev.spark.curation.internal.CurationRepository;
import dev.spark.curation.internal.Decision;
import dev.spark.curation.internal.Evidence;
import dev.spark.experience.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * Curation's part of forgetting traces on request, in the caller's transaction (one batch of traces). What a lesson
 * owes to a forgotten trace is taken back:
 * <ul>
 * <li>the ratings the traces gave are withdrawn from the lessons they were credited to, and trust recomputed;</li>
 * <li>a merged duplicate learned from a forgotten trace is deleted;</li>
 * <li>a canonical lesson learned from one (its text written from the trace's words: the agent's lesson, a worked
 * example's code, a fix's error line) takes over the text and provenance of its oldest duplicate with provenance
 * elsewhere ({@code REDERIVED}); without one it is retired, its text replaced by {@link #PLACEHOLDER} and its
 * embedding, code, scope, space and reasons removed ({@code RETIRED}): the node stays for the decisions and
 * recommendations that point at it, and is never served again;</li>
 * <li>the canonical lessons that lost a duplicate are counted again ({@code RECOUNTED}): support, distinct agents,
 * successes and failures;</li>
 * <li>ids of forgotten traces and agents are replaced by {@link #FORGOTTEN} in decision reasons, status reasons and
 * run errors; clusters are relabelled from a remaining member or deleted when empty.</li>
 * </ul>
 * Decisions hang on one {@code CurationRun} of trigger {@code forget} per request.
 */
@Service
public class LessonForgetting {

    /** The text of a lesson whose source was forgotten. */
    public static final String PLACEHOLDER = "(forgotten)";
    /** What replaces the id of a forgotten trace or agent where a reason mentions it. */
    public static final String FORGOTTEN = "(forgotten)";
    static final String RETIRED_REASON = "its source was forgotten on request";

    /** Characters of trace, agent and space ids: an id is replaced only where it is not part of a longer one. */
    private static final String ID_CHAR = "[A-Za-z0-9_:@/-]";

    /** Totals of one batch (or of a whole request). */
    public record Forgotten(long retired, long rederived, long duplicatesDeleted, long recounted) {

        public static final Forgotten NONE = new Forgotten(0, 0, 0, 0);

        public Forgotten plus(Forgotten o) {
            return new Forgotten(retired + o.retired, rederived + o.rederived, duplicatesDeleted + o.duplicatesDeleted,
                    recounted + o.recounted);
        }
    }

    /**
     * What else is being forgotten in the same request, whose other traces later batches delete: a successor must not
     * come from them. Both null when one trace is forgotten.
     */
    public record Scope(String agentId, String spaceId) {

        public static final Scope TRACE = new Scope(null, null);
    }

    private final CurationRepository repo;
    private final CurationProperties props;
    private final TextEmbedder embedder;

    public LessonForgetting(CurationRepository repo, CurationProperties props, TextEmbedder embedder) {
        this.repo = repo;
        this.props = props;
        this.embedder = embedder;
    }

    /**
     * Withdraws the evidence the traces' ratings and outcomes gave the lessons of the recommendations they followed,
     * as curation credited it (the canonical lesson of a cited duplicate; only traces curation has curated). Must run
     * before the recommendations or the traces are deleted.
     */
    public void withdrawCredits(TransactionContext tx, List<String> traceIds) {
        for (CurationRepository.ForgottenCredit credit : repo.forgottenCredits(tx, traceIds)) {
            if (credit.cited().isEmpty()) {
                continue;
            }
            Evidence e = Evidence.of(credit.rating(), Outcome.valueOf(credit.outcome()), props);
            for (String lesson : repo.canonical(tx, credit.cited())) {
                repo.withdrawEvidence(tx, lesson, e.helpful(), e.unhelpful());
            }
        }
    }

    /** The lessons whose text was written from these traces: recommendations citing them quote that text. */
    public List<String> derivedFrom(TransactionContext tx, List<String> traceIds) {
        return repo.learnedFrom(tx, traceIds).stream().map(CurationRepository.Derived::id).toList();
    }

    /** Takes back what lessons owe to these traces (see the class comment); the traces themselves stay for the caller. */
    public Forgotten forget(TransactionContext tx, String runId, List<String> traceIds, Scope scope) {
        repo.forgetRun(tx, runId);
        List<CurationRepository.Derived> derived = repo.learnedFrom(tx, traceIds);
        List<String> duplicates = derived.stream().filter(d -> d.canonical() != null).map(CurationRepository.Derived::id).toList();
        Set<String> recount = new LinkedHashSet<>();
        derived.stream().filter(d -> d.canonical() != null).forEach(d -> recount.add(d.canonical()));
        recount.removeAll(duplicates);
        long deleted = duplicates.isEmpty() ? 0 : repo.deleteLessons(tx, duplicates);

        List<Decision> decisions = new ArrayList<>();
        List<String> retire = new ArrayList<>();
        List<String> rederived = new ArrayList<>();
        for (CurationRepository.Derived d : derived) {
            if (d.canonical() != null) {
                continue;
            }
            Optional<CurationRepository.Successor> successor = repo.successor(tx, d.id(), traceIds, scope.agentId(), scope.spaceId());
            if (successor.isPresent()) {
                String text = successor.get().text();
                repo.adopt(tx, d.id(), successor.get().id(), text == null ? null : embedder.embedDocument(text));
                rederived.add(d.id());
                recount.add(d.id());
                decisions.add(new Decision(d.id(), LessonAction.REDERIVED, "its source was forgotten on request; it now holds the "
                        + "text and provenance of its duplicate " + successor.get().id()));
            } else {
                retire.add(d.id());
                recount.remove(d.id());
            }
        }
        List<String> clusters = repo.clustersOf(tx, concat(retire, rederived));
        long retired = retire.isEmpty() ? 0 : repo.retireCleared(tx, retire, PLACEHOLDER, RETIRED_REASON);
        retire.forEach(id -> decisions.add(new Decision(id, LessonAction.RETIRED, RETIRED_REASON)));
        repo.unlinkTraces(tx, traceIds);
        List<String> recounted = recount.isEmpty() ? List.of() : repo.recount(tx, List.copyOf(recount));
        recounted.forEach(id -> decisions.add(new Decision(id, LessonAction.RECOUNTED,
                "support, agents and outcomes counted again after lessons learned from forgotten traces went")));
        relabel(tx, clusters);
        scrubMentions(tx, traceIds);
        repo.decide(tx, runId, decisions);
        return new Forgotten(retired, rederived.size(), deleted, recounted.size());
    }

    /**
     * Retires (and clears) up to {@code limit} lessons of a space that no forgotten trace reached; returns how many.
     * Run after every trace of the space is forgotten, until it returns 0.
     */
    public long retireSpace(TransactionContext tx, String runId, String spaceId, int limit) {
        repo.forgetRun(tx, runId);
        List<String> ids = repo.lessonsOfSpace(tx, spaceId, limit);
        if (ids.isEmpty()) {
            return 0;
        }
        List<String> clusters = repo.clustersOf(tx, ids);
        long retired = repo.retireCleared(tx, ids, PLACEHOLDER, RETIRED_REASON);
        relabel(tx, clusters);
        repo.decide(tx, runId, ids.stream().map(id -> new Decision(id, LessonAction.RETIRED, RETIRED_REASON)).toList());
        return retired;
    }

    /** Replaces these ids (of forgotten traces or agents) by {@link #FORGOTTEN} in reasons and errors. */
    public void scrubMentions(TransactionContext tx, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<CurationRepository.Mention> rewritten = repo.mentions(tx, ids).stream()
                .map(m -> new CurationRepository.Mention(m.kind(), m.elementId(), scrub(m.text(), ids))).toList();
        repo.rewrite(tx, rewritten);
    }

    /** Completes the request's run with its totals. */
    public void finish(TransactionContext tx, String runId, Forgotten totals) {
        repo.forgetRun(tx, runId);
        repo.finishForgetRun(tx, runId, totals.retired(), totals.rederived(), totals.recounted());
    }

    static String scrub(String text, List<String> ids) {
        String out = text;
        for (String id : ids) {
            Pattern whole = Pattern.compile("(?<!" + ID_CHAR + "|\\.)" + Pattern.quote(id) + "(?!" + ID_CHAR + "|\\.[A-Za-z0-9])");
            out = whole.matcher(out).replaceAll(Matcher.quoteReplacement(FORGOTTEN));
        }
        return out;
    }

    private void relabel(TransactionContext tx, List<String> clusters) {
        for (String cluster : clusters) {
            CurationRepository.ClusterHead head = repo.clusterHead(tx, cluster);
            if (head.size() == 0) {
                repo.deleteCluster(tx, cluster);
            } else if (head.text() != null) {
                repo.relabelCluster(tx, cluster, head.size(), ClusterLabel.of(head.text(), head.apis()));
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
