package dev.spark.graph.internal;

import java.net.URI;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Logging;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the database: an external Neo4j when {@code spark.neo4j.uri} is set, otherwise the embedded one.
 * The driver is created from {@link Neo4jConnectionDetails}, which depends on the embedded database, so the
 * database is up before the driver first connects.
 */
@Configuration(proxyBeanMethods = false)
class Neo4jConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedDatabaseCondition.class)
    EmbeddedNeo4j embeddedNeo4j(Neo4jProperties props) {
        return EmbeddedNeo4j.start(props);
    }

    /**
     * The driver logs through SLF4J. Its default (the JDK's System.Logger) formats every Bolt message it sends into a
     * debug line before the level is checked: every statement's parameters, embedding vectors included, turned into
     * text and thrown away. SLF4J's logger checks the level first.
     */
    @Bean
    ConfigBuilderCustomizer driverLogging() {
        return builder -> builder.withLogging(Logging.slf4j());
    }

    @Bean
    Neo4jConnectionDetails neo4jConnectionDetails(Neo4jProperties props, ObjectProvider<EmbeddedNeo4j> embedded) {
        AuthToken token = props.password() == null || props.password().isBlank()
                ? AuthTokens.none()
                : AuthTokens.basic(props.user(), props.password());
        if (props.embedded()) {
            return new Connection(embedded.getObject().boltUri(), token);
        }
        return new Connection(URI.create(props.uri()), token);
    }

    private record Connection(URI uri, AuthToken token) implements Neo4jConnectionDetails {
        @Override
        public URI getUri() {
            return uri;
        }

        @Override
        public AuthToken getAuthToken() {
            return token;
        }
    }
}
