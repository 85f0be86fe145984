package dev.spark.knowledge;

import dev.spark.graph.Graph;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/** The {@code Api} nodes that agents' code names: created when a trace uses an API the documentation does not. */
@Service
public class ApiCatalog {

    private static final String REGISTER = """
            UNWIND $apis AS api
            MERGE (x:Api {qualifiedName: api.name})
              ON CREATE SET x.kind = api.kind, x.library = api.library, x.name = api.short, x.foundIn = 'trace'""";

    private static final String PRUNE = """
            MATCH (a:Api {foundIn: 'trace'}) WHERE NOT EXISTS { (a)<--() }
            WITH a LIMIT 5000
            DETACH DELETE a
            RETURN count(*) AS n""";

    private final Graph graph;

    public ApiCatalog(Graph graph) {
        this.graph = graph;
    }

    /** MERGEs Api nodes for qualified names seen in agents' code, in the caller's transaction. */
    public void register(TransactionContext tx, Collection<String> qualifiedNames) {
        if (qualifiedNames.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = qualifiedNames.stream().map(ApiCatalog::row).toList();
        tx.run(REGISTER, Map.of("apis", rows)).consume();
    }

    /** Deletes Api nodes created from traces that nothing references any more; returns how many. */
    public long pruneUnreferenced() {
        long total = 0;
        long deleted;
        do {
            deleted = graph.write(tx -> tx.run(PRUNE, Map.of()).single().get("n").asLong());
            total += deleted;
        } while (deleted > 0);
        return total;
    }

    private static Map<String, Object> row(String name) {
        return Map.of("name", name, "kind", ApiNames.kind(name), "library", ApiNames.library(name),
                "short", name.substring(name.lastIndexOf('.') + 1));
    }
}
