package dev.spark.recommend.internal;

import dev.spark.experience.TaskCatalog;
import dev.spark.experience.TaskInput;
import dev.spark.graph.WriteBehind;
import dev.spark.recommend.ItemKind;
import dev.spark.recommend.Recipe;
import dev.spark.recommend.RecommendationItem;
import dev.spark.recommend.internal.RecommendRepository.Citation;
import dev.spark.recommend.internal.RecommendRepository.StoredRecommendation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores each recommendation with {@code CITES} edges to its items, so that a later rating reaches them. The
 * write is queued behind the response: the agent does not wait for the commit, and a rating that arrives first
 * waits for {@link WriteBehind#flush()} (see TraceRecorder). The task node is its owner's: TaskCatalog MERGEs it
 * in the same transaction.
 */
@Component
public class RecommendationStore {

    private static final Logger log = LoggerFactory.getLogger(RecommendationStore.class);

    private final RecommendRepository repository;
    private final TaskCatalog tasks;
    private final WriteBehind writeBehind;

    public RecommendationStore(RecommendRepository repository, TaskCatalog tasks, WriteBehind writeBehind) {
        this.repository = repository;
        this.tasks = tasks;
        this.writeBehind = writeBehind;
    }

    public void store(String id, TaskInput task, float[] vector, String text, Recipe recipe, String agentId, List<RecommendationItem> items) {
        Map<ItemKind, List<Citation>> cites = new EnumMap<>(ItemKind.class);
        for (ItemKind kind : ItemKind.values()) {
            cites.put(kind, new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            RecommendationItem item = items.get(i);
            cites.get(item.kind()).add(new Citation(item.ref(), i + 1, item.score()));
        }
        try {
            writeBehind.submit("recommendation " + id, tx -> {
                String taskId = tasks.ensure(tx, task, vector);
                repository.store(tx, new StoredRecommendation(id, taskId, text, recipe.name(), agentId, cites.get(ItemKind.DOCUMENTATION),
                        cites.get(ItemKind.LESSON), cites.get(ItemKind.EXAMPLE), cites.get(ItemKind.PITFALL)));
                return null;
            });
        } catch (WriteBehind.QueueFullException overloaded) {
            // the advice is still worth serving; only a later rating of it will be refused as unknown
            log.warn("Recommendation {} served without being stored: {}", id, overloaded.getMessage());
        }
    }
}
