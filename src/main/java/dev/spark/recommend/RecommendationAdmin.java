package dev.spark.recommend;

import dev.spark.graph.Batches;
import dev.spark.recommend.internal.RecommendRepository;
import org.springframework.stereotype.Service;

/** Whole-store operations on recommendations, for evaluations and operators starting over. */
@Service
public class RecommendationAdmin {


    private final RecommendRepository repository;

    public RecommendationAdmin(RecommendRepository repository) {
        this.repository = repository;
    }

    /** Deletes every recommendation (and its citations), in batches; returns how many. */
    public long forgetAll() {
        return Batches.untilNone(repository::forgetBatch);
    }
}
