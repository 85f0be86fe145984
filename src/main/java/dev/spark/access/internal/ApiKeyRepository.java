package dev.spark.access.internal;

import dev.spark.access.ApiKeyView;
import dev.spark.access.Role;
import dev.spark.graph.Graph;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;

/** Every Cypher statement about API keys. A key's secret never reaches the database, only its hash. */
@Component
public class ApiKeyRepository {

    private static final String CREATE = """
            CREATE (k:ApiKey {id: $id, agentId: $agentId, space: $space, role: $role, hash: $hash, createdAt: datetime()})
            RETURN k {.id, .agentId, .space, .role, createdAt: toString(k.createdAt), revokedAt: toString(k.revokedAt)} AS key""";

    private static final String BY_ID = """
            MATCH (k:ApiKey {id: $id})
            RETURN k {.id, .agentId, .space, .role, createdAt: toString(k.createdAt), revokedAt: toString(k.revokedAt)} AS key,
                   k.hash AS hash""";

    private static final String LIST = """
            MATCH (k:ApiKey)
            RETURN k {.id, .agentId, .space, .role, createdAt: toString(k.createdAt), revokedAt: toString(k.revokedAt)} AS key
            ORDER BY k.createdAt, k.id""";

    /** Revoking twice keeps the first revocation's time. */
    private static final String REVOKE = """
            MATCH (k:ApiKey {id: $id})
            SET k.revokedAt = coalesce(k.revokedAt, datetime())
            RETURN k {.id, .agentId, .space, .role, createdAt: toString(k.createdAt), revokedAt: toString(k.revokedAt)} AS key""";

    /** A stored key with the hash of its secret, for verification only. */
    public record StoredKey(ApiKeyView key, String hash) {
    }

    private final Graph graph;

    public ApiKeyRepository(Graph graph) {
        this.graph = graph;
    }

    public ApiKeyView create(String id, String agentId, String space, Role role, String hash) {
        return graph.write(tx -> view(tx.run(CREATE, Map.of("id", id, "agentId", agentId, "space", space, "role", role.name(),
                "hash", hash)).single()));
    }

    public Optional<StoredKey> find(String id) {
        List<Record> rows = graph.query(BY_ID, Map.of("id", id));
        return rows.isEmpty() ? Optional.empty() : Optional.of(new StoredKey(view(rows.get(0)), rows.get(0).get("hash").asString()));
    }

    public List<ApiKeyView> list() {
        return graph.query(LIST, Map.of()).stream().map(ApiKeyRepository::view).toList();
    }

    public Optional<ApiKeyView> revoke(String id) {
        return graph.write(tx -> tx.run(REVOKE, Map.of("id", id)).list().stream().findFirst().map(ApiKeyRepository::view));
    }

    private static ApiKeyView view(Record r) {
        var k = r.get("key");
        return new ApiKeyView(k.get("id").asString(), k.get("agentId").asString(), k.get("space").asString(),
                Role.valueOf(k.get("role").asString()), k.get("createdAt").asString(null), k.get("revokedAt").asString(null));
    }
}
