package dev.spark.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code spark.auth.*}.
 *
 * @param enabled whether every request to {@code /graphql} and {@code /mcp} must carry {@code Authorization: Bearer
 *                <key>}; off, clients say who they are and which space they write to, as on a single-user machine
 */
@ConfigurationProperties("spark.auth")
public record AccessProperties(@DefaultValue("false") boolean enabled) {

    /** The property named in every refusal, so that the fix is one search away. */
    public static final String ENABLED = "spark.auth.enabled";
}
