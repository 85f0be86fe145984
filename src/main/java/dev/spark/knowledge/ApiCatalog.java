package dev.spark.knowledge;

import dev.spark.knowledge.internal.ApiRegistration;
import dev.spark.knowledge.internal.KnowledgeRepository;
import dev.spark.validation.Check;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * {@code Api} nodes for the qualified names found in agents' code, so that traces and lessons can point at an
 * API before (or without) any documentation of it. The knowledge module owns the label: other modules register
 * names here rather than writing the nodes themselves.
 */
@Service
public class ApiCatalog {

    private final KnowledgeRepository repository;

    ApiCatalog(KnowledgeRepository repository) {
        this.repository = repository;
    }

    /**
     * MERGEs Api nodes for qualified names seen in agents' code, in the caller's transaction. A new node gets its
     * kind, library and short name from the naming conventions of {@link ApiNames} and {@code foundIn = 'trace'};
     * an existing one (documented or registered before) is left as it is. Names are stored as given: callers
     * pass them through {@link ApiNames#canonical} first, as they match them by the same spelling afterwards.
     *
     * @throws dev.spark.validation.InvalidInputException naming {@code qualifiedNames[i]} for a blank or too long name
     */
    public void register(TransactionContext tx, Collection<String> qualifiedNames) {
        Objects.requireNonNull(qualifiedNames, "qualifiedNames");
        Set<String> seen = new HashSet<>();
        List<ApiRegistration> apis = new ArrayList<>(qualifiedNames.size());
        int i = 0;
        for (String name : qualifiedNames) {
            String qualified = Check.text("qualifiedNames[" + i++ + "]", name, DocRecord.MAX_API);
            if (seen.add(qualified)) {
                apis.add(new ApiRegistration(qualified, ApiNames.kind(qualified), ApiNames.library(qualified),
                        qualified.substring(qualified.lastIndexOf('.') + 1)));
            }
        }
        if (!apis.isEmpty()) {
            repository.registerApis(tx, apis);
        }
    }

    /**
     * Of the named APIs, deletes those created from traces that nothing references any more, in the caller's
     * transaction; returns how many. Forgetting a trace uses it, so that a name seen only in forgotten code goes too.
     */
    public long pruneUnreferenced(TransactionContext tx, Collection<String> qualifiedNames) {
        Objects.requireNonNull(qualifiedNames, "qualifiedNames");
        return qualifiedNames.isEmpty() ? 0 : repository.pruneUnreferencedApis(tx, List.copyOf(new HashSet<>(qualifiedNames)));
    }

    /** Deletes Api nodes created from traces that nothing references any more; returns how many. */
    public long pruneUnreferenced() {
        return repository.pruneUnreferencedApis();
    }
}
