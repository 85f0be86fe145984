package dev.spark.experience;

import dev.spark.experience.internal.ExperienceRepository;
import dev.spark.graph.Batches;
import org.springframework.stereotype.Service;

/** Whole-store operations on experience, for evaluations and operators starting over. */
@Service
public class ExperienceAdmin {


    private final ExperienceRepository repository;
    private final TaskCatalog tasks;

    public ExperienceAdmin(ExperienceRepository repository, TaskCatalog tasks) {
        this.repository = repository;
        this.tasks = tasks;
    }

    /**
     * What of a task and its code is stored as experience, for a harness that must prove it never showed a test
     * problem's answer: a trace that attempted the task, a trace whose attempt is the code, a lesson quoting the code
     * or the task text. Empty when none. A task that was only asked about (a stored recommendation) does not count.
     */
    public java.util.List<String> recorded(String taskText, String code) {
        if (taskText == null || taskText.isBlank() || code == null || code.isBlank()) {
            throw new IllegalArgumentException("taskText and code must not be blank");
        }
        ExperienceRepository.Recorded r = repository.recorded(tasks.idFor(new TaskInput(taskText, null, java.util.List.of())), taskText, code);
        java.util.List<String> found = new java.util.ArrayList<>();
        if (r.task()) {
            found.add("a trace attempted the task");
        }
        if (r.code()) {
            found.add("a trace's attempt is the code");
        }
        if (r.lesson()) {
            found.add("a lesson quotes the task or the code");
        }
        return found;
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
