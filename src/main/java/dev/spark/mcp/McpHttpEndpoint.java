package dev.spark.mcp;

import dev.spark.access.AccessProperties;
import dev.spark.access.Caller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Streamable HTTP at {@code /mcp} of the running service, beside GraphQL. Browsers may reach it only from pages
 * served by localhost (a request with another {@code Origin} is refused: DNS rebinding), while agents, which send
 * no {@code Origin}, always may.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class McpHttpEndpoint {

    static final String PATH = "/mcp";

    @Bean
    HttpServletStreamableServerTransportProvider mcpTransport() {
        return HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(SparkMcpServer.json())
                .mcpEndpoint(PATH)
                // the bearer check (spark.auth.enabled) verified the key before the request reached the transport
                .contextExtractor(request -> request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller
                        ? McpTransportContext.create(Map.of(SparkMcpServer.CALLER, caller)) : McpTransportContext.EMPTY)
                .securityValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedOrigins(List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"))
                        .build())
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(HttpServletStreamableServerTransportProvider transport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration = new ServletRegistrationBean<>(transport, PATH);
        registration.setName("mcp");
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean(destroyMethod = "closeGracefully")
    McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport, SparkTools tools, AccessProperties access) {
        return SparkMcpServer.over(transport, tools, access.enabled());
    }
}
