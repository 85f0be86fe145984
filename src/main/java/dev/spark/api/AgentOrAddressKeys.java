package dev.spark.api;

import dev.spark.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The client is the agent named in the {@code X-Spark-Agent} header, else the remote address. The header is the
 * client's own claim: it separates agents that share one machine, and a client that changes it on every request
 * gets a fresh budget each time (bounded by {@code spark.rate-limit.max-clients}). With {@code spark.auth.enabled}
 * the client is the verified API key instead.
 */
class AgentOrAddressKeys implements ClientKeyResolver {

    static final String HEADER = "X-Spark-Agent";
    /** The characters of an agent id (see AgentInput.id), so a header cannot smuggle anything into logs. */
    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._:@/-]{1,128}");

    @Override
    public String clientKey(HttpServletRequest request) {
        // with auth on, the bearer check ran first: a verified key is the client, whatever the header claims
        if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller && caller.authenticated()) {
            return "key:" + caller.keyId();
        }
        String agent = request.getHeader(HEADER);
        if (agent != null && AGENT_ID.matcher(agent.strip()).matches()) {
            return "agent:" + agent.strip();
        }
        return "address:" + request.getRemoteAddr();
    }
}
