package dev.spark.curation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the learning loop ({@code spark.curation.*}). Similarity thresholds are cosine similarities of
 * the lesson embeddings. A merge needs the cosine and API-overlap thresholds and, by default, no disagreement between
 * the two texts (see {@code MergeDecision}): with the default embedding model, lessons giving different advice about
 * the same API reach a cosine of 0.95-0.98, above every true paraphrase in the labelled lesson-pair set (259 pairs),
 * so the cosine only nominates candidates. The defaults keep false merges at or below 2% of the different-lesson pairs
 * of that set (see {@code LessonPairCalibration} and {@code MergeDefaultsTest}); recall of true paraphrases stays low.
 *
 * @param schedule          cron expression (six fields) of scheduled runs in the service, or {@code -} for none
 * @param batchSize         pending traces read at a time; the lease is renewed between batches
 * @param maxTracesPerRun   a run stops after this many traces even if more keep arriving; the next run goes on
 * @param maxAttempts       failed curation attempts after which a trace is set aside (label {@code CurationFailed})
 * @param leaseTtl          how long a run's lease lasts without renewal; a crashed holder's lease expires after it
 * @param mergeSimilarity   cosine similarity from which a candidate merges into an existing lesson ...
 * @param mergeApiOverlap   ... if their API scopes overlap at least this much (Jaccard; two empty scopes overlap fully) ...
 * @param mergeDisagreement ... and, when true, their texts do not disagree on a detail of the advice (a keyword argument's
 *                          value, different arguments or identifiers on each side, a reversed preference, antonyms)
 * @param suggestSimilarity cosine from which a pair that does not merge by the rules above (same API scope) is judged by
 *                          the chat model when one is configured (same advice merges, opposite advice contradicts),
 *                          and otherwise, unless the texts disagree, left as a merge suggestion for a knowledge engineer
 * @param mergeCandidates   nearest lessons looked at per candidate (the vector index is over-fetched four times that)
 * @param clusterSimilarity cosine similarity from which a new lesson joins its nearest lesson's cluster
 * @param fixTaskSimilarity task similarity from which a failure on another task pairs with a success into a fix
 * @param promoteAgents     distinct agents that make a candidate active
 * @param helpfulRating     a rating at least this high is helpful (and promotes when it comes from a non-author)
 * @param unhelpfulRating   a rating at most this high is unhelpful
 * @param retireBelow       trust below which a lesson with enough evidence is retired
 * @param minEvidence       helpful plus unhelpful observations needed before retiring
 * @param contestMargin     trust difference that settles a contradiction ...
 * @param contestEvidence   ... once both sides have at least this much evidence
 * @param docsPerApi        documentation chunks a lesson is backed by, per API
 * @param examples          whether successful traces give worked-example lessons
 */
@ConfigurationProperties("spark.curation")
public record CurationProperties(
        @DefaultValue("0 */10 * * * *") String schedule,
        @DefaultValue("50") int batchSize,
        @DefaultValue("10000") int maxTracesPerRun,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("5m") Duration leaseTtl,
        @DefaultValue("0.92") double mergeSimilarity,
        @DefaultValue("0.5") double mergeApiOverlap,
        @DefaultValue("true") boolean mergeDisagreement,
        @DefaultValue("0.85") double suggestSimilarity,
        @DefaultValue("10") int mergeCandidates,
        @DefaultValue("0.75") double clusterSimilarity,
        @DefaultValue("0.8") double fixTaskSimilarity,
        @DefaultValue("2") int promoteAgents,
        @DefaultValue("4") int helpfulRating,
        @DefaultValue("2") int unhelpfulRating,
        @DefaultValue("0.3") double retireBelow,
        @DefaultValue("5") int minEvidence,
        @DefaultValue("0.2") double contestMargin,
        @DefaultValue("4") int contestEvidence,
        @DefaultValue("2") int docsPerApi,
        @DefaultValue("true") boolean examples) {

    public CurationProperties {
        require(schedule != null && !schedule.isBlank(), "schedule", "must be a cron expression or '-'");
        require(batchSize >= 1 && batchSize <= 1000, "batch-size", "must be 1-1000");
        require(maxTracesPerRun >= 1, "max-traces-per-run", "must be at least 1");
        require(maxAttempts >= 1, "max-attempts", "must be at least 1");
        require(leaseTtl != null && leaseTtl.toSeconds() >= 5, "lease-ttl", "must be at least 5 seconds");
        unit(mergeSimilarity, "merge-similarity");
        unit(mergeApiOverlap, "merge-api-overlap");
        unit(suggestSimilarity, "suggest-similarity");
        unit(clusterSimilarity, "cluster-similarity");
        unit(fixTaskSimilarity, "fix-task-similarity");
        unit(retireBelow, "retire-below");
        unit(contestMargin, "contest-margin");
        require(mergeCandidates >= 1 && mergeCandidates <= 100, "merge-candidates", "must be 1-100");
        require(promoteAgents >= 1, "promote-agents", "must be at least 1");
        require(helpfulRating >= 1 && helpfulRating <= 5, "helpful-rating", "must be 1-5");
        require(unhelpfulRating >= 1 && unhelpfulRating < helpfulRating, "unhelpful-rating", "must be 1-5 and below helpful-rating");
        require(minEvidence >= 1, "min-evidence", "must be at least 1");
        require(contestEvidence >= 1, "contest-evidence", "must be at least 1");
        require(docsPerApi >= 0 && docsPerApi <= 20, "docs-per-api", "must be 0-20");
    }

    /** Defaults, as when nothing is configured. */
    public static CurationProperties defaults() {
        return new CurationProperties("0 */10 * * * *", 50, 10_000, 3, Duration.ofMinutes(5), 0.92, 0.5, true, 0.85, 10, 0.75, 0.8, 2, 4, 2,
                0.3, 5, 0.2, 4, 2, true);
    }

    public boolean scheduled() {
        return !"-".equals(schedule.strip());
    }

    private static void unit(double value, String name) {
        require(value >= 0 && value <= 1, name, "must be between 0 and 1, was " + value);
    }

    private static void require(boolean ok, String name, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("spark.curation." + name + " " + problem);
        }
    }
}
