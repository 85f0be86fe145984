package dev.spark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** {@link TestDatabase}'s settings, with auth on and (embedded) a second store of its own. */
public final class AuthTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final class Holder {
        static final Path HOME = createHome();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        new TestDatabase().initialize(context);
        Map<String, Object> props = new HashMap<>();
        props.put("spark.auth.enabled", true);
        // lessons become active as soon as they are created, so promotion into commons needs no second agent per space
        props.put("spark.curation.promote-agents", 1);
        if (!TestDatabase.usesContainer()) {
            props.put("spark.neo4j.home", Holder.HOME.toString());
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sparkAuthTestDatabase", props));
    }

    private static Path createHome() {
        return TestDatabase.newDirectory("spark-test-neo4j-auth-");
    }
}
