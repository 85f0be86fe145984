package dev.spark.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Rate limits on the endpoints agents call; other endpoints (health, Browser, GraphiQL's page) are not counted. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    static final String[] LIMITED_PATHS = {"/graphql", "/graphql/*", "/mcp", "/mcp/*"};

    /** A {@link ClientKeyResolver} bean (API keys, later) replaces the default agent-or-address key. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties limits, ObjectProvider<ClientKeyResolver> keys) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(limits, keys.getIfAvailable(AgentOrAddressKeys::new)));
        registration.addUrlPatterns(LIMITED_PATHS);
        // first, so that a refused request costs no more than a map look-up
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
