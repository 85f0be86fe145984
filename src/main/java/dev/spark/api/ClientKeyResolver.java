package dev.spark.api;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a request comes from, for per-client limits. The default ({@link AgentOrAddressKeys}) trusts what the
 * client says; an implementation that reads an API key can replace it as a bean of this type.
 */
public interface ClientKeyResolver {

    /** A stable key for the client that sent {@code request}: never null, at most a few hundred characters. */
    String clientKey(HttpServletRequest request);
}
