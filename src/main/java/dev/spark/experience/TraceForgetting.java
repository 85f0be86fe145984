package dev.spark.experience;

import dev.spark.experience.internal.ExperienceRepository;
import java.util.List;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * Experience's part of forgetting on request: which traces an agent or a space holds, what deleting a set of traces
 * takes with it, and the deletion itself. Every method that changes the graph takes the caller's transaction, so that a
 * batch of traces is forgotten together with what other modules derived from them, or not at all.
 */
@Service
public class TraceForgetting {

    /**
     * What deleting a set of traces takes with it.
     *
     * @param traces          the traces that exist, of those asked for
     * @param tasks           their tasks that no other trace attempted
     * @param failurePatterns signatures of their failure patterns that no other trace hit
     * @param apis            qualified names of the APIs the traces used
     */
    public record Footprint(List<String> traces, List<String> tasks, List<String> failurePatterns, List<String> apis) {
    }

    /** How many nodes a deletion removed. */
    public record Deleted(long traces, long tasks, long failurePatterns) {
    }

    private final ExperienceRepository repository;

    public TraceForgetting(ExperienceRepository repository) {
        this.repository = repository;
    }

    public boolean traceExists(String traceId) {
        return repository.exists("trace", traceId);
    }

    /** Whether the agent recorded the trace in the space: what an agent may forget of its own. */
    public boolean recordedBy(String traceId, String agentId, String spaceId) {
        return repository.recordedBy(traceId, agentId, spaceId);
    }

    public boolean agentExists(String agentId) {
        return repository.exists("agent", agentId);
    }

    /** A space exists while its node does or any trace still names it. */
    public boolean spaceExists(String spaceId) {
        return repository.exists("space", spaceId);
    }

    public List<String> tracesOfAgent(TransactionContext tx, String agentId, int limit) {
        return repository.tracesOfAgent(tx, agentId, limit);
    }

    public List<String> tracesInSpace(TransactionContext tx, String spaceId, int limit) {
        return repository.tracesInSpace(tx, spaceId, limit);
    }

    /** Read before anything is deleted: other modules remove what they derived from the traces first. */
    public Footprint footprint(TransactionContext tx, List<String> traceIds) {
        ExperienceRepository.Footprint f = repository.footprint(tx, traceIds);
        return new Footprint(f.traces(), f.tasks(), f.failurePatterns(), f.apis());
    }

    /**
     * Deletes the traces (with their attempt, error, feedback and lessons, the ratings they gave and their edges), the
     * failure patterns only they hit (others lose one occurrence per trace), and the tasks of the footprint and of
     * {@code moreTasks} that no remaining trace attempted and no remaining recommendation was made for, with their
     * text and embedding.
     */
    public Deleted delete(TransactionContext tx, Footprint footprint, List<String> moreTasks) {
        ExperienceRepository.Deleted d = repository.deleteTraces(tx,
                new ExperienceRepository.Footprint(footprint.traces(), footprint.tasks(), footprint.failurePatterns(), footprint.apis()),
                moreTasks);
        return new Deleted(d.traces(), d.tasks(), d.failurePatterns());
    }

    /** Of these tasks, deletes those no trace attempted and no recommendation was made for; returns how many. */
    public long deleteLoneTasks(TransactionContext tx, List<String> taskIds) {
        return repository.deleteLoneTasks(tx, taskIds);
    }

    /** Deletes the agent once it has no traces left; returns 1 if it did. */
    public long deleteAgent(TransactionContext tx, String agentId) {
        return repository.deleteAgent(tx, agentId);
    }

    /** Deletes the space once no trace is in it; returns 1 if it did. */
    public long deleteSpace(TransactionContext tx, String spaceId) {
        return repository.deleteSpace(tx, spaceId);
    }
}
