package dev.spark.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * SIGKILL of {@code spark ingest docs} mid-way, then the same command again on the same store: what the killed
 * run committed is whole (every chunk with its embedding and its library), and the second run ends with exactly
 * the store a clean ingestion builds.
 */
class KillDuringIngestionTest {

    private static final int LIBRARIES = 2;
    private static final int APIS_PER_LIBRARY = 8;
    private static final int RECORDS = 640; // ten batches of 64
    private static final Pattern PROGRESS = Pattern.compile("(\\d+)/" + RECORDS);

    @Test
    void aKilledIngestionLeavesOnlyWholeBatchesAndTheNextRunCompletesTheCorpus(@TempDir Path dir) throws IOException {
        Path corpus = writeCorpus(dir.resolve("corpus"));
        Path home = dir.resolve("neo4j");

        SparkProcess killed = SparkProcess.command(home, "ingest", "docs", corpus.toString(), "--batch-size", "64");
        int killAt = ThreadLocalRandom.current().nextInt(RECORDS / 5, RECORDS * 3 / 5);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (progress(killed.logText()) < killAt) {
            assertThat(killed.alive()).as("ingestion still running before the kill:\n" + killed.logTail()).isTrue();
            assertThat(System.nanoTime()).as("ingestion progressed").isLessThan(deadline);
            SparkProcess.pause(20);
        }
        assertThat(killed.kill()).isEqualTo(SparkProcess.KILLED);

        Counts afterKill = counts(home);
        System.out.printf("ingest docs: killed at %d of %d records read, %d chunks committed%n", killAt, RECORDS, afterKill.docs());
        assertThat(afterKill.docs()).as("killed before the end").isLessThan(RECORDS);
        assertThat(afterKill.docs() % 64).as("whole batches only").isZero();
        assertThat(afterKill.incomplete()).as("chunks without embedding, library or API").isZero();

        SparkProcess resumed = SparkProcess.command(home, "ingest", "docs", corpus.toString());
        assertThat(resumed.waitFor(Duration.ofMinutes(3))).as(resumed.logTail()).isZero();

        assertThat(counts(home)).isEqualTo(new Counts(RECORDS, 0, LIBRARIES, LIBRARIES * APIS_PER_LIBRARY, RECORDS));
    }

    /** Read in-process after the command exited: the store is closed, so it can be opened here. */
    private static Counts counts(Path home) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L << 20)
                .build();
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            return db.executeTransactionally("""
                    MATCH (d:Doc)
                    WITH count(d) AS docs,
                         count { MATCH (x:Doc) WHERE x.embedding IS NULL OR NOT (x)-[:IN_LIBRARY]->(:Library)
                                 OR NOT (x)-[:DOCUMENTS]->(:Api) } AS incomplete
                    RETURN docs, incomplete, count { MATCH (l:Library) } AS libraries, count { MATCH (a:Api) } AS apis,
                           count { MATCH (:Doc)-[:DOCUMENTS]->(:Api) } AS documents""", Map.of(), result -> {
                        Map<String, Object> row = result.next();
                        return new Counts((Long) row.get("docs"), (Long) row.get("incomplete"), (Long) row.get("libraries"),
                                (Long) row.get("apis"), (Long) row.get("documents"));
                    });
        } finally {
            dbms.shutdown();
        }
    }

    record Counts(long docs, long incomplete, long libraries, long apis, long documents) {
    }

    /** The highest "read/total" the command's progress bar printed so far. */
    private static int progress(String log) {
        Matcher m = PROGRESS.matcher(log);
        int best = 0;
        while (m.find()) {
            best = Math.max(best, Integer.parseInt(m.group(1)));
        }
        return best;
    }

    private static Path writeCorpus(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String library = "fixlib" + (i % LIBRARIES);
            String api = library + ".ops.op" + (i / LIBRARIES % APIS_PER_LIBRARY);
            String text = api + "(data, axis=" + (i % 3) + ", keep=" + (i % 2 == 0) + ")\\n\\nSection " + i + " of the " + api
                    + " reference: how the operation treats missing values, the order of equal elements, broadcasting of "
                    + "shapes and what it returns for empty input (example " + i + ").";
            lines.add("{\"id\": \"" + library + ":" + api + ":" + i + "\", \"library\": \"" + library + "\", \"api\": \"" + api
                    + "\", \"title\": \"" + api + " part " + i + "\", \"text\": \"" + text + "\", \"source\": \"https://docs.example.org/"
                    + api + "/" + i + "\", \"version\": \"1.0\", \"doc_id\": \"" + api + "\"}");
        }
        return Files.write(dir.resolve("fixture.jsonl"), lines);
    }
}
