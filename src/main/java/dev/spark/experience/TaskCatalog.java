package dev.spark.experience;

import dev.spark.experience.internal.ExperienceRepository;
import dev.spark.experience.internal.ExperienceRepository.TaskRow;
import java.util.Optional;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * The tasks agents attempted or asked about: one {@code Task} node per task text (whitespace-normalised hash).
 * A new task's id is derived from that hash, so a caller can tell a task's id before its node is written.
 */
@Service
public class TaskCatalog {

    private final ExperienceRepository repository;

    public TaskCatalog(ExperienceRepository repository) {
        this.repository = repository;
    }

    /** The stored task's id, if the task text is stored. */
    public Optional<String> idOf(TaskInput task) {
        return repository.taskId(task.hash());
    }

    /** The task's id: the stored one, or the one {@link #ensure} gives it when it stores it. */
    public String idFor(TaskInput task) {
        return idOf(task).orElseGet(() -> TaskRow.of(task).id());
    }

    /**
     * MERGEs the task in the caller's transaction (adding its libraries to those already known) and sets its
     * embedding if it has none; {@code vector} may be null, the backfill embeds it later then. Returns its id.
     */
    public String ensure(TransactionContext tx, TaskInput task, float[] vector) {
        return repository.ensureTask(tx, TaskRow.of(task), vector);
    }
}
