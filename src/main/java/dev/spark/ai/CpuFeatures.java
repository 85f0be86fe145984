package dev.spark.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the processor offers the embedding runtime. ONNX Runtime runs int8 models with VNNI dot products where the
 * CPU has them and emulates them with AVX2 otherwise, about three times slower, so every embedding figure is
 * quoted with this line beside it.
 *
 * @param model processor model name as the kernel reports it ({@code unknown} where it does not)
 * @param cores processors available to this JVM
 * @param flags the instruction-set flags of the first processor
 */
public record CpuFeatures(String model, int cores, Set<String> flags) {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    public CpuFeatures {
        flags = Set.copyOf(flags);
    }

    /** Reads /proc/cpuinfo (Linux); elsewhere the model and flags are unknown. */
    public static CpuFeatures detect() {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            return parse(Files.readString(CPUINFO), cores);
        } catch (IOException | RuntimeException e) {
            return new CpuFeatures("unknown", cores, Set.of());
        }
    }

    /** The first processor's {@code model name} and {@code flags} of a /proc/cpuinfo text. */
    public static CpuFeatures parse(String cpuinfo, int cores) {
        String model = null;
        Set<String> flags = null;
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (model == null && key.equals("model name")) {
                model = value;
            } else if (flags == null && (key.equals("flags") || key.equals("Features"))) {
                flags = Arrays.stream(value.split("\\s+")).filter(f -> !f.isEmpty()).collect(Collectors.toSet());
            }
        }
        return new CpuFeatures(model == null || model.isEmpty() ? "unknown" : model, cores, flags == null ? Set.of() : flags);
    }

    public boolean avx2() {
        return flags.contains("avx2");
    }

    public boolean avx512() {
        return flags.contains("avx512f");
    }

    /** VNNI int8 dot products, in their AVX-512 or their AVX (256-bit) form. */
    public boolean vnni() {
        return flags.contains("avx512_vnni") || flags.contains("avx_vnni");
    }

    /** One line for logs and benchmark headers, e.g. {@code AMD EPYC, 2 cores, AVX2 yes, AVX-512 yes, VNNI yes}. */
    public String describe() {
        return String.format("%s, %d cores, AVX2 %s, AVX-512 %s, VNNI %s", model, cores, yesNo(avx2()), yesNo(avx512()),
                vnni() ? "yes (" + (flags.contains("avx512_vnni") ? "avx512_vnni" : "avx_vnni") + ")" : "no");
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
