package dev.spark.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** What the timers of one name have recorded so far, one entry per value of a tag: benches print the difference. */
final class TimerTotals {

    private TimerTotals() {
    }

    /**
     * Adds to {@code into}, keyed by {@code label} + the tag's value, each timer's count and total milliseconds
     * ({@code {count, ms}}); returns {@code into}.
     */
    static Map<String, double[]> add(Map<String, double[]> into, MeterRegistry meters, String name, String tag, String label) {
        for (Timer t : meters.find(name).timers()) {
            into.put(label + t.getId().getTag(tag), new double[] {t.count(), t.totalTime(TimeUnit.MILLISECONDS)});
        }
        return into;
    }

    /** The timers of one name, by the tag's value, as above. */
    static Map<String, double[]> of(MeterRegistry meters, String name, String tag) {
        return add(new TreeMap<>(), meters, name, tag, "");
    }
}
