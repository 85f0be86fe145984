package dev.spark.access.internal;

import dev.spark.access.AccessProperties;
import dev.spark.access.ApiKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The bearer check, on the endpoints agents call; health, GraphiQL's page and Neo4j Browser are not behind it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccessConfiguration {

    static final String[] GUARDED_PATHS = {"/graphql", "/graphql/*", "/mcp", "/mcp/*"};

    @Bean
    @ConditionalOnProperty(name = AccessProperties.ENABLED, havingValue = "true")
    FilterRegistrationBean<BearerAuthFilter> bearerAuthFilter(ApiKeys keys) {
        FilterRegistrationBean<BearerAuthFilter> registration = new FilterRegistrationBean<>(new BearerAuthFilter(keys));
        registration.addUrlPatterns(GUARDED_PATHS);
        // before the rate limit, which then counts requests per verified key rather than per claimed agent
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
