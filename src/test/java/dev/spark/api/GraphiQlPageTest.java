package dev.spark.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.GraphFixtures;
import dev.spark.SparkIntegrationTest;
import dev.spark.graph.Graph;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphiQL at /graphiql needs nothing but Spark: the page and every script, stylesheet and stylesheet reference
 * it loads come from this server, and each saved example operation runs without errors.
 */
@SparkIntegrationTest
class GraphiQlPageTest {

    static final Pattern ASSET = Pattern.compile("<(?:script|link)\\b[^>]*?\\b(?:src|href)=\"([^\"]+)\"");
    static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)");
    static final Pattern EXAMPLE = Pattern.compile(
            "<script type=\"application/graphql\"(?: data-variables='([^']*)')?>(.*?)</script>", Pattern.DOTALL);
    static final Pattern OPERATION = Pattern.compile("^(?:query|mutation)\\s+(\\w+)", Pattern.MULTILINE);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    @TempDir
    Path tmp;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePageAndEveryAssetItReferencesAreServedByThisServer() throws Exception {
        HttpResponse<String> page = get("/graphiql");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));

        List<String> assets = matches(ASSET, page.body());
        assertThat(assets).as("react, react-dom, graphiql and their styles").hasSizeGreaterThanOrEqualTo(5);
        List<String> cssReferences = new ArrayList<>();
        for (String asset : assets) {
            assertThat(asset).as("served from this host").startsWith("/").doesNotStartWith("//");
            HttpResponse<String> response = get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotBlank();
            if (asset.endsWith(".css")) {
                cssReferences.addAll(matches(CSS_URL, response.body()));
            }
        }
        assertThat(cssReferences).as("fonts and images are inlined").allMatch(reference -> reference.startsWith("data:"));
        assertThat(get("/graphiql/").statusCode()).isEqualTo(200);
    }

    @Test
    void everySavedExampleOperationRunsWithoutErrors() throws Exception {
        GraphFixtures.clear(graph);
        String page = get("/graphiql").body();
        Matcher example = EXAMPLE.matcher(page);
        List<String> names = new ArrayList<>();
        while (example.find()) {
            Map<String, Object> variables = example.group(1) == null ? Map.of()
                    : JSON.readValue(example.group(1), JSON.getTypeFactory().constructMapType(HashMap.class, String.class, Object.class));
            for (String operation : matches(OPERATION, example.group(2))) {
                names.add(operation);
                JsonNode answer = post(example.group(2), operation, variables);
                assertThat(answer.get("errors")).as(operation + ": " + answer).isNull();
                assertThat(answer.get("data")).as(operation).isNotNull();
            }
        }
        assertThat(names).contains("SearchDocs", "Recommend", "RecordTrace", "LessonProvenance");
    }

    /** Renders the page in headless Chromium, where one is installed: the editor appears, loaded from Spark alone. */
    @Test
    void theEditorRendersInAHeadlessBrowser() throws Exception {
        String chromium = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream()
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null, "no chromium on this machine: the page is checked by its assets only");
        Process browser = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + tmp,
                "--virtual-time-budget=15000", "--dump-dom", "http://127.0.0.1:" + port + "/graphiql")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(browser.getInputStream().readAllBytes());
        assertThat(browser.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(dom).contains("graphiql-container").contains("SearchDocs").doesNotContain("Loading GraphiQL");
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode post(String document, String operation, Map<String, Object> variables) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", document, "operationName", operation, "variables", variables));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
