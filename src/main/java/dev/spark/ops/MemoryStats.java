package dev.spark.ops;

import dev.spark.graph.LocalStore;
import dev.spark.ops.internal.OpsRepository;
import org.springframework.stereotype.Service;

/** Counts, index states and store size, read on demand (nothing is cached: an operator wants the present). */
@Service
public class MemoryStats {

    private final OpsRepository repository;
    private final LocalStore store;

    public MemoryStats(OpsRepository repository, LocalStore store) {
        this.repository = repository;
        this.store = store;
    }

    public StatsReport read() {
        OpsRepository.Backlog backlog = repository.curationBacklog();
        return new StatsReport(repository.nodesByLabel(), repository.relationshipsByType(), repository.lessonsByStatus(),
                repository.indexes().stream().map(i -> new StatsReport.Index(i.name(), i.type(), i.state(), i.populationPercent(),
                        i.labels(), i.properties())).toList(),
                backlog.pending(), backlog.oldest().map(Object::toString), repository.lastCurationRun(),
                store.directory().map(Object::toString), store.sizeOnDisk());
    }
}
