package dev.spark.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the memory holds, for {@code spark stats}.
 *
 * @param nodes            nodes per label (a trace not curated yet counts under Trace and Uncurated)
 * @param relationships    relationships per type
 * @param lessons          lessons per status
 * @param indexes          every index with its state and how much of it is populated
 * @param pendingTraces    traces curation has not seen yet
 * @param oldestPending    when the oldest of them was recorded (ISO-8601)
 * @param lastCurationRun  the last curation run that finished: id, status, finishedAt
 * @param storeDirectory   the embedded store's directory, when it is on this machine
 * @param storeBytes       its size on disk
 */
public record StatsReport(Map<String, Long> nodes, Map<String, Long> relationships, Map<String, Long> lessons,
                          List<Index> indexes, long pendingTraces, Optional<String> oldestPending,
                          Optional<Map<String, Object>> lastCurationRun, Optional<String> storeDirectory,
                          Optional<Long> storeBytes) {

    /** One index: name, kind (RANGE, VECTOR, FULLTEXT, LOOKUP), state (ONLINE, POPULATING, FAILED) and population. */
    public record Index(String name, String type, String state, double populationPercent, List<String> labels,
                        List<String> properties) {
    }
}
