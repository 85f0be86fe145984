package dev.spark.cli;

import dev.spark.ai.CpuFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Facts about the machine and this process that benchmark reports quote. */
final class Machine {

    private Machine() {
    }

    /** The CPU line (model, cores, AVX2, AVX-512, VNNI) first: embedding speed depends on it more than on anything else. */
    static String describe() {
        return String.format("%s; Java %s, %s, %s; load average %s", CpuFeatures.detect().describe(),
                System.getProperty("java.version"), System.getProperty("os.name"), LocalDate.now(), loadAverage());
    }

    /** The one-minute load average (Linux), which says how much other work shared the cores. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Resident set size now and at its peak, in MiB, from /proc (Linux); -1 where unknown. */
    static long[] residentMiB() {
        long rss = -1;
        long peak = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kib(line) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux: leave unknown
        }
        return new long[] {rss, peak};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
