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
     * What of a task is stored as experience, for a harness that must prove it never showed a test problem's answer.
     *
     * @param taskAttempted a trace attempted exactly this task (same text)
     * @param taskQuoted    a lesson quotes the whole task text
     * @param codeRecorded  a trace's attempt is exactly this code; another task with the same solution can be the
     *                      reason, so this alone does not identify the task
     */
    public record Recorded(boolean taskAttempted, boolean taskQuoted, boolean codeRecorded) {
        /** Whether the task itself is stored as experience. */
        public boolean task() {
            return taskAttempted || taskQuoted;
        }
    }

    public Recorded recorded(String taskText, String code) {
        if (taskText == null || taskText.isBlank() || code == null || code.isBlank()) {
            throw new IllegalArgumentException("taskText and code must not be blank");
        }
        ExperienceRepository.Recorded r = repository.recorded(tasks.idFor(new TaskInput(taskText, null, java.util.List.of())), taskText, code);
        return new Recorded(r.task(), r.lesson(), r.code());
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

    /**
     * Ids of the traces stored for agents whose id starts with {@code agentPrefix}, one per stored trace node, for a
     * harness that checks that every acknowledged trace was stored exactly once.
     */
    public java.util.List<String> traceIdsOfAgents(String agentPrefix) {
        if (agentPrefix == null || agentPrefix.length() < 8) {
            throw new IllegalArgumentException("agentPrefix must be at least 8 characters, so that it marks one run");
        }
        return repository.traceIdsOfAgents(agentPrefix);
    }
}
