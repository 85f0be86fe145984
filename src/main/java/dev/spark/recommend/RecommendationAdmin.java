package dev.spark.recommend;

import dev.spark.graph.Batches;
import dev.spark.recommend.internal.RecommendRepository;
import java.util.List;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/** Whole-store operations on recommendations, for evaluations and operators starting over. */
@Service
public class RecommendationAdmin {


    private final RecommendRepository repository;

    public RecommendationAdmin(RecommendRepository repository) {
        this.repository = repository;
    }

    /** Recommendations deleted by forgetting, and the tasks they were made for (deleted by experience when lone). */
    public record Forgotten(long deleted, List<String> tasks) {
    }

    /**
     * Deletes, in the caller's transaction, the recommendations whose text may quote forgotten content: those made for
     * one of {@code tasks}, or citing one of {@code traces}, {@code lessons} or the failure patterns {@code patterns}.
     * Ratings that other traces gave them go too; what curation already credited from those ratings stays.
     */
    public Forgotten forget(TransactionContext tx, List<String> tasks, List<String> traces, List<String> lessons, List<String> patterns) {
        RecommendRepository.Forgotten f = repository.forgetRelated(tx, tasks, traces, lessons, patterns);
        return new Forgotten(f.deleted(), f.tasks());
    }

    /** Deletes up to {@code limit} recommendations made for one agent, in the caller's transaction. */
    public Forgotten forgetOfAgent(TransactionContext tx, String agentId, int limit) {
        RecommendRepository.Forgotten f = repository.forgetOfAgent(tx, agentId, limit);
        return new Forgotten(f.deleted(), f.tasks());
    }

    /** Deletes every recommendation (and its citations), in batches; returns how many. */
    public long forgetAll() {
        return Batches.untilNone(repository::forgetBatch);
    }
}
