package dev.spark.graph.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import dev.spark.graph.Graph;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned schema in {@code cypher/migrations/V<n>__<name>.cypher} in order at start.
 * Each applied version is recorded as a {@code :__SparkMigration} node with its checksum; statements are
 * written with {@code IF NOT EXISTS}, so a rerun (or two instances starting together) changes nothing.
 * A migration whose file changed after it was applied stops the start: edit the schema with a new version.
 */
@Component
public class SchemaMigrations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([\\w-]+)\\.cypher");

    private final Graph graph;

    public SchemaMigrations(Graph graph) {
        this.graph = graph;
    }

    @Override
    public void afterPropertiesSet() {
        apply();
    }

    /** Applies every migration not applied yet; returns how many were applied now. */
    public int apply() {
        return apply(load());
    }

    /** Applies the given migrations in order, refusing any that changed after it was applied. */
    int apply(List<Migration> migrations) {
        int applied = 0;
        for (Migration migration : migrations) {
            var recorded = graph.query(
                    "MATCH (m:__SparkMigration {version: $version}) RETURN m.checksum AS checksum",
                    Map.of("version", migration.version()));
            if (!recorded.isEmpty()) {
                String checksum = recorded.get(0).get("checksum").asString();
                if (!checksum.equals(migration.checksum())) {
                    throw new IllegalStateException("Schema migration V" + migration.version()
                            + " changed after it was applied; add a new migration instead");
                }
                continue;
            }
            for (String statement : migration.statements()) {
                graph.execute(statement, Map.of());
            }
            graph.execute("""
                    MERGE (m:__SparkMigration {version: $version})
                    SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()""",
                    Map.of("version", migration.version(), "name", migration.name(), "checksum", migration.checksum()));
            log.info("Applied schema migration V{} {}", migration.version(), migration.name());
            applied++;
        }
        return applied;
    }

    static List<Migration> load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:cypher/migrations/V*.cypher");
            return Arrays.stream(resources)
                    .map(SchemaMigrations::parse)
                    .sorted(Comparator.comparingInt(Migration::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Migration parse(Resource resource) {
        Matcher name = NAME.matcher(String.valueOf(resource.getFilename()));
        if (!name.matches()) {
            throw new IllegalStateException("Migration file name must look like V0001__name.cypher: " + resource);
        }
        try {
            String text = resource.getContentAsString(StandardCharsets.UTF_8);
            List<String> statements = Arrays.stream(text.replaceAll("(?m)^\\s*//.*$", "").split(";"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            return new Migration(Integer.parseInt(name.group(1)), name.group(2), statements, sha256(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Migration(int version, String name, List<String> statements, String checksum) {
    }
}
