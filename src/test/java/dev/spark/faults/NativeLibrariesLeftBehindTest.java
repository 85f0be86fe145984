package dev.spark.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding runtime's native libraries (22 MB on Linux x64) are not left in the temporary directory, neither by
 * a service that is killed nor by one that stops: a supervisor that restarts a crashing service would otherwise
 * fill it.
 */
class NativeLibrariesLeftBehindTest {

    @TempDir
    Path tmp;

    @Test
    void aKilledServiceLeavesNoCopyOfTheRuntimesLibraries() throws IOException {
        Path childTmp = Files.createDirectories(tmp.resolve("child-tmp"));
        try (SparkProcess spark = SparkProcess.serve(tmp.resolve("store"), Map.of(), childTmp)) {
            spark.awaitHealthy(Duration.ofMinutes(3));

            assertThat(spark.kill()).isEqualTo(SparkProcess.KILLED);
        }

        assertThat(files(childTmp)).noneMatch(NativeLibrariesLeftBehindTest::runtimeLibrary);
    }

    @Test
    void aServiceThatStopsLeavesNothingOfTheRuntime() throws IOException {
        Path childTmp = Files.createDirectories(tmp.resolve("child-tmp"));
        try (SparkProcess spark = SparkProcess.serve(tmp.resolve("store"), Map.of(), childTmp)) {
            spark.awaitHealthy(Duration.ofMinutes(3));
        }

        assertThat(files(childTmp)).noneMatch(p -> runtimeLibrary(p) || p.getFileName().toString().contains("onnxruntime"));
    }

    private static boolean runtimeLibrary(Path path) {
        return path.getFileName().toString().contains("onnxruntime") && Files.isRegularFile(path);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !p.equals(root)).toList();
        }
    }
}
