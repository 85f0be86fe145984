package dev.spark.access.internal;

import dev.spark.access.ApiKeys;
import dev.spark.access.Caller;
import dev.spark.access.UnauthenticatedException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of {@code /graphql} and {@code /mcp} when auth is on: a request without a valid bearer key is answered
 * with HTTP 401 and a GraphQL-shaped error naming the header, before any of it is read; a valid one continues with
 * its {@link Caller} as the request attribute {@link Caller#ATTRIBUTE}.
 */
class BearerAuthFilter extends OncePerRequestFilter {

    private final ApiKeys keys;

    BearerAuthFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller;
        try {
            caller = keys.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        } catch (UnauthenticatedException e) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"spark\"");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"errors\":[{\"message\":\"" + json(e.getMessage())
                    + "\",\"extensions\":{\"classification\":\"UNAUTHORIZED\",\"header\":\"Authorization\"}}]}");
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        chain.doFilter(request, response);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
