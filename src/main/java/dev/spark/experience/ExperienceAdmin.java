package dev.spark.experience;

import dev.spark.experience.internal.ExperienceRepository;
import dev.spark.graph.Batches;
import org.springframework.stereotype.Service;

/** Whole-store operations on experience, for evaluations and operators starting over. */
@Service
public class ExperienceAdmin {


    private final ExperienceRepository repository;

    public ExperienceAdmin(ExperienceRepository repository) {
        this.repository = repository;
    }

    /** Whether any trace, agent, task, lesson or failure pattern is stored (lessons are read, not owned, here). */
    public boolean hasExperience() {
        return repository.hasExperience();
    }

    /**
     * Deletes every agent, task, trace, failure pattern and space, in batches; returns how many nodes were
     * deleted. Api nodes seen only in traces are left to {@code ApiCatalog.pruneUnreferenced()}, lessons (curation's)
     * to {@code LessonAdmin.forgetAll()}.
     */
    public long forgetAll() {
        return Batches.untilNone(repository::forgetBatch);
    }
}
