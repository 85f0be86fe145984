package dev.spark.access;

import java.util.Set;

/**
 * The one table of which operations an AGENT key may call; everything else needs ADMIN. A mutation or MCP tool
 * added later is therefore admin-only until it is listed here, so that nothing changes shared state by omission.
 * Queries are open to agents (their results are confined to the caller's space by the services), except those
 * listed as administrative.
 */
public final class AccessPolicy {

    /**
     * Mutations an agent may call: they write or forget only the caller's own traces, under the key's agent and space
     * (the forgetting controller confines {@code forgetTrace} and {@code forgetAgent} to them).
     */
    static final Set<String> AGENT_MUTATIONS = Set.of("recordTrace", "forgetTrace", "forgetAgent");

    /** Queries that show every space at once (merge suggestions quote lesson texts, runs count all spaces). */
    static final Set<String> ADMIN_QUERIES = Set.of("mergeSuggestions", "curationRuns");

    static final Set<String> AGENT_TOOLS = Set.of("recommend", "record_trace", "rate_recommendation", "search_docs",
            "get_lesson", "resolve_library");

    private AccessPolicy() {
    }

    /** The role a GraphQL root field needs; {@code mutation} tells a mutation from a query. */
    public static Role graphQl(boolean mutation, String field) {
        if (mutation) {
            return AGENT_MUTATIONS.contains(field) ? Role.AGENT : Role.ADMIN;
        }
        return ADMIN_QUERIES.contains(field) ? Role.ADMIN : Role.AGENT;
    }

    /** The role an MCP tool needs. */
    public static Role tool(String name) {
        return AGENT_TOOLS.contains(name) ? Role.AGENT : Role.ADMIN;
    }
}
