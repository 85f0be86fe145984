package dev.spark.access;

import java.util.Optional;

/**
 * Whom a request acts for. With {@code spark.auth.enabled} it is the holder of a verified API key: the key decides
 * the agent id, the space and the role, and an argument that claims another agent or space is refused. Without
 * auth the caller is {@link #anonymous()}: clients say who they are, as before keys existed, and may do everything.
 * Controllers and tools receive a {@code Caller} and ask it, so a new operation applies the same rules by calling
 * {@link #agent}, {@link #space} or {@link #require}.
 *
 * @param agentId the key's agent, null when anonymous
 * @param space   the key's space, null when anonymous
 * @param role    the key's role; ADMIN when anonymous (auth off: nothing is restricted)
 * @param keyId   the key's id, null when anonymous
 */
public record Caller(String agentId, String space, Role role, String keyId) {

    /** The servlet request attribute under which the bearer check leaves the verified caller. */
    public static final String ATTRIBUTE = Caller.class.getName();

    private static final Caller ANONYMOUS = new Caller(null, null, Role.ADMIN, null);

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    public boolean authenticated() {
        return keyId != null;
    }

    /**
     * The agent id to record under: the key's agent. {@code claimed} (the argument {@code field}) may be absent or
     * the same; another agent is refused. Anonymous callers keep what they claim.
     */
    public String agent(String claimed, String field) {
        if (!authenticated()) {
            return claimed;
        }
        if (claimed != null && !claimed.isBlank() && !claimed.strip().equals(agentId)) {
            throw new ForbiddenException(field, "Forbidden argument '" + field + "': this API key acts as agent '" + agentId
                    + "', not '" + abbreviated(claimed.strip()) + "'");
        }
        return agentId;
    }

    /** The space to write to: the key's, as {@link #agent} does for the agent id. */
    public String space(String claimed, String field) {
        if (!authenticated()) {
            return claimed;
        }
        if (claimed != null && !claimed.isBlank() && !claimed.strip().equals(space)) {
            throw new ForbiddenException(field, "Forbidden argument '" + field + "': this API key belongs to space '" + space
                    + "', not '" + abbreviated(claimed.strip()) + "'");
        }
        return space;
    }

    /**
     * The space reads are confined to (with {@code commons}): the key's, or the one an anonymous caller names; empty
     * for an anonymous caller that names none, who reads everything as before spaces were enforced.
     */
    public Optional<String> readSpace(String claimed, String field) {
        String named = claimed == null || claimed.isBlank() ? null : claimed.strip();
        return Optional.ofNullable(authenticated() ? space(named, field) : named);
    }

    /** Refuses an operation that needs a role this caller lacks; {@code operation} is named in the error. */
    public void require(Role needed, String operation) {
        if (needed == Role.ADMIN && role != Role.ADMIN) {
            throw new ForbiddenException(operation, "Forbidden: '" + operation + "' needs an ADMIN API key; this key ("
                    + keyId + ") is an AGENT key of space '" + space + "'");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
