package dev.spark.access;

/** A stored key as listed: never its secret or hash. {@code revokedAt} is null for a key still valid. */
public record ApiKeyView(String id, String agentId, String space, Role role, String createdAt, String revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
