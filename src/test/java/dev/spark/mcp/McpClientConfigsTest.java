package dev.spark.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.cli.SparkCommandLine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * The client configurations in {@code examples/mcp} (the README shows the same snippets) are well-formed and
 * start Spark's stdio server or point at its HTTP endpoint, as the clients read them: {@code mcpServers} in
 * the JSON of Claude Code and Cursor, {@code [mcp_servers.*]} in Codex's TOML.
 */
class McpClientConfigsTest {

    static final Path EXAMPLES = Path.of("examples/mcp");
    static final List<String> STDIO = List.of("-jar", "target/spark.jar", "mcp");
    static final String URL = "http://127.0.0.1:8080" + McpHttpEndpoint.PATH;

    @Test
    void everyClientHasAStdioAndAnHttpConfiguration() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("README.md",
                    "claude-code.stdio.mcp.json", "claude-code.http.mcp.json", "cursor.stdio.mcp.json", "cursor.http.mcp.json",
                    "codex.stdio.config.toml", "codex.http.config.toml");
        }
    }

    @Test
    void stdioConfigurationsRunTheMcpCommandOfTheJar() throws IOException {
        for (JsonNode spark : List.of(json("claude-code.stdio.mcp.json"), json("cursor.stdio.mcp.json"), toml("codex.stdio.config.toml"))) {
            assertThat(spark.get("command").asString()).isEqualTo("java");
            assertThat(spark.get("args").valueStream().map(JsonNode::asString).toList()).isEqualTo(STDIO);
            assertThat(spark.has("url")).isFalse();
        }
        assertThat(json("claude-code.stdio.mcp.json").get("type").asString()).isEqualTo("stdio");
        // Codex gives a server 10 seconds to start by default; Spark loads its database and model first
        assertThat(toml("codex.stdio.config.toml").get("startup_timeout_sec").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(commandNames()).contains(STDIO.get(2));
    }

    @Test
    void httpConfigurationsPointAtTheServicesMcpEndpoint() throws IOException {
        for (JsonNode spark : List.of(json("claude-code.http.mcp.json"), json("cursor.http.mcp.json"), toml("codex.http.config.toml"))) {
            assertThat(spark.get("url").asString()).isEqualTo(URL);
            assertThat(spark.has("command")).isFalse();
        }
        assertThat(json("claude-code.http.mcp.json").get("type").asString()).isEqualTo("http");
        // the address and port the service listens on by default (application.yaml)
        String yaml = Files.readString(Path.of("src/main/resources/application.yaml"));
        assertThat(yaml).contains("address: ${SPARK_HTTP_ADDRESS:" + URI.create(URL).getHost() + "}")
                .contains("port: ${SPARK_HTTP_PORT:" + URI.create(URL).getPort() + "}");
    }

    @Test
    void theReadmeShowsTheSameSnippets() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String file : List.of("claude-code.stdio.mcp.json", "claude-code.http.mcp.json", "codex.stdio.config.toml",
                "codex.http.config.toml", "cursor.stdio.mcp.json", "cursor.http.mcp.json")) {
            String snippet = Files.readString(EXAMPLES.resolve(file)).lines().filter(l -> !l.startsWith("#"))
                    .reduce((a, b) -> a + "\n" + b).orElseThrow().strip();
            assertThat(readme).as(file).contains(snippet);
        }
    }

    private static JsonNode json(String file) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(EXAMPLES.resolve(file)));
        assertThat(root.get("mcpServers").propertyNames()).as(file).containsExactly("spark");
        return root.get("mcpServers").get("spark");
    }

    private static JsonNode toml(String file) throws IOException {
        JsonNode root = TomlMapper.builder().build().readTree(Files.readString(EXAMPLES.resolve(file)));
        assertThat(root.get("mcp_servers").propertyNames()).as(file).containsExactly("spark");
        return root.get("mcp_servers").get("spark");
    }

    private static Set<String> commandNames() {
        return Set.copyOf(Arrays.stream(SparkCommandLine.class.getAnnotation(Command.class).subcommands())
                .map(c -> c.getAnnotation(Command.class).name()).toList());
    }
}
