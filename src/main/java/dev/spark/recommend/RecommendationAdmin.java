package dev.spark.recommend;

import dev.spark.recommend.internal.RecommendRepository;
import org.springframework.stereotype.Service;

/** Whole-store operations on recommendations, for evaluations and operators starting over. */
@Service
public class RecommendationAdmin {

    /** Nodes deleted per transaction: a large store would otherwise be one huge transaction. */
    private static final int BATCH = 5_000;

    private final RecommendRepository repository;

    public RecommendationAdmin(RecommendRepository repository) {
        this.repository = repository;
    }

    /** Deletes every recommendation (and its citations), in batches; returns how many. */
    public long forgetAll() {
        long total = 0;
        long deleted;
        do {
            deleted = repository.forgetBatch(BATCH);
            total += deleted;
        } while (deleted > 0);
        return total;
    }
}
