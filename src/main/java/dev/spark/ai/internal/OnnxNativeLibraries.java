package dev.spark.ai.internal;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads ONNX Runtime's native libraries so that they leave nothing behind. ONNX Runtime's own loader copies its two
 * libraries (22 MB on Linux x64) into a new directory under {@code java.io.tmpdir} at every start and deletes them
 * only when the JVM exits normally, and then not the directory: every process that is killed leaves 22 MB, and
 * every other one an empty directory. Spark copies the libraries into a directory of its own (readable by its user
 * only), points ONNX Runtime at it with {@code onnxruntime.native.path}, loads the runtime, and deletes the copies at
 * once: a loaded library needs no file on Linux and macOS. Where a loaded library cannot be deleted (Windows), it
 * is deleted when the JVM exits. ONNX Runtime still creates an empty directory of its own, which goes when the JVM
 * exits and stays, empty, only after a kill. An {@code onnxruntime.native.path} set by the operator is left to ONNX
 * Runtime, as is any platform whose libraries the runtime's jar does not carry.
 */
final class OnnxNativeLibraries {

    private static final Logger log = LoggerFactory.getLogger(OnnxNativeLibraries.class);

    /** The system property ONNX Runtime reads its libraries' directory from. */
    static final String NATIVE_PATH = "onnxruntime.native.path";

    private static boolean done;

    private OnnxNativeLibraries() {
    }

    /** Loads the runtime once per JVM, before any session is created; later calls return at once. */
    static synchronized void load() {
        if (done) {
            return;
        }
        done = true;
        String platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (System.getProperty(NATIVE_PATH) != null || platform == null) {
            return;
        }
        List<String> names = List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"));
        String folder = "/ai/onnxruntime/native/" + platform + "/";
        if (names.stream().anyMatch(name -> OrtEnvironment.class.getResource(folder + name) == null)) {
            return;
        }
        Path directory;
        try {
            directory = Files.createTempDirectory("spark-onnxruntime-");
        } catch (IOException e) {
            log.warn("No temporary directory for ONNX Runtime's libraries ({}); ONNX Runtime extracts them itself", e.getMessage());
            return;
        }
        List<Path> copies = new ArrayList<>();
        try {
            for (String name : names) {
                Path copy = directory.resolve(name);
                copies.add(copy); // deleted even when the copy fails half-way
                try (InputStream in = OrtEnvironment.class.getResourceAsStream(folder + name)) {
                    Files.copy(in, copy);
                }
            }
            System.setProperty(NATIVE_PATH, directory.toString());
            try {
                // the environment's first use loads both libraries from the property's directory
                OrtEnvironment.getEnvironment();
            } finally {
                System.clearProperty(NATIVE_PATH);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy ONNX Runtime's libraries into " + directory, e);
        } finally {
            copies.add(directory);
            deleteNowOrAtExit(copies);
        }
    }

    /** ONNX Runtime's name for this platform's folder of libraries ({@code linux-x64}); null where it ships none. */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") || os.startsWith("darwin") ? "osx"
                : os.startsWith("win") ? "win" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        return system == null || arch == null ? null : system + "-" + arch;
    }

    /** Deletes the paths in order (files before their directory); what cannot go now goes when the JVM exits. */
    private static void deleteNowOrAtExit(List<Path> paths) {
        List<Path> left = new ArrayList<>();
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException inUse) {
                left.add(path);
            }
        }
        // deleteOnExit runs in reverse order of registration: register the directory first so it goes last
        for (int i = left.size() - 1; i >= 0; i--) {
            left.get(i).toFile().deleteOnExit();
        }
    }
}
