package dev.spark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Facts about the machine and this process that benchmark reports quote. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.format("%d cores, Java %s, %s, %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), LocalDate.now());
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
