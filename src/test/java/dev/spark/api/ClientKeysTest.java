package dev.spark.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.access.Caller;
import dev.spark.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Rate limits count per verified API key when there is one, whatever agent the header claims. */
class ClientKeysTest {

    private final AgentOrAddressKeys keys = new AgentOrAddressKeys();

    @Test
    void aVerifiedKeyIsTheClientAndTheClaimedAgentIsNot() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(AgentOrAddressKeys.HEADER, "someone-else");
        request.setAttribute(Caller.ATTRIBUTE, new Caller("agent-a", "team-a", Role.AGENT, "0123456789ab"));

        assertThat(keys.clientKey(request)).isEqualTo("key:0123456789ab");
    }

    @Test
    void withoutAKeyTheClaimedAgentOrTheAddressIsTheClient() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.7");
        assertThat(keys.clientKey(request)).isEqualTo("address:10.0.0.7");
        request.addHeader(AgentOrAddressKeys.HEADER, "agent-a");
        request.setAttribute(Caller.ATTRIBUTE, Caller.anonymous());
        assertThat(keys.clientKey(request)).isEqualTo("agent:agent-a");
    }
}
