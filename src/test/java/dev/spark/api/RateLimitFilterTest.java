package dev.spark.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTest {

    private final AtomicInteger served = new AtomicInteger();

    @Test
    void aClientOverItsBurstGets429WithRetryAfterAndAGraphQlError() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(true, 1, 3, 100), new AgentOrAddressKeys());

        for (int i = 0; i < 3; i++) {
            assertThat(send(filter, "agent-a", "10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = send(filter, "agent-a", "10.0.0.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/json");
        assertThat(refused.getContentAsString()).contains("\"classification\":\"RATE_LIMITED\"")
                .contains("spark.rate-limit.requests-per-second").contains("retry after 1 s");
        assertThat(served).hasValue(3);
    }

    @Test
    void clientsHaveBudgetsOfTheirOwn() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(true, 1, 1, 100), new AgentOrAddressKeys());

        assertThat(send(filter, "agent-a", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(send(filter, "agent-a", "10.0.0.1").getStatus()).isEqualTo(429);
        assertThat(send(filter, "agent-b", "10.0.0.1").getStatus()).as("another agent on the same machine").isEqualTo(200);
        assertThat(send(filter, null, "10.0.0.2").getStatus()).as("no header: keyed by address").isEqualTo(200);
        assertThat(send(filter, null, "10.0.0.2").getStatus()).isEqualTo(429);
        assertThat(send(filter, "bad agent\nid", "10.0.0.2").getStatus()).as("a malformed header counts as the address").isEqualTo(429);
    }

    @Test
    void aDisabledLimitCountsNothing() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(false, 1, 1, 100), new AgentOrAddressKeys());

        for (int i = 0; i < 5; i++) {
            assertThat(send(filter, "agent-a", "10.0.0.1").getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aReplacementKeyResolverDecidesWhoIsWho() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(true, 1, 1, 100), request -> "everyone");

        assertThat(send(filter, "agent-a", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(send(filter, "agent-b", "10.0.0.2").getStatus()).isEqualTo(429);
    }

    private MockHttpServletResponse send(RateLimitFilter filter, String agent, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setRemoteAddr(address);
        if (agent != null) {
            request.addHeader(AgentOrAddressKeys.HEADER, agent);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> served.incrementAndGet());
        return response;
    }
}
