package dev.spark.ops;

import dev.spark.ops.internal.ExportLines;
import dev.spark.ops.internal.MemorySchema;
import dev.spark.ops.internal.MemorySchema.Kind;
import dev.spark.ops.internal.OpsRepository;
import dev.spark.ops.internal.OpsRepository.NodeRow;
import dev.spark.ops.internal.OpsRepository.RelationshipRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes the whole memory as JSON Lines (format in docs/cli.md): a header, every node of every kind, every
 * relationship between them, and an end line with the counts, so that a cut-short file is recognised. Nodes are
 * read a page at a time in key order and written as they come: memory use does not grow with the graph.
 * Embeddings are included (exact 32-bit floats), so an import needs no model and finds the same neighbours.
 * The export reads in many transactions: it is a consistent copy when nothing writes meanwhile.
 */
@Service
public class MemoryExport {

    static final int PAGE = 500;

    private static final Logger log = LoggerFactory.getLogger(MemoryExport.class);

    private final OpsRepository repository;

    public MemoryExport(OpsRepository repository) {
        this.repository = repository;
    }

    public ExportReport export(OutputStream out) {
        long started = System.nanoTime();
        Map<String, Long> nodes = new TreeMap<>();
        Map<String, Long> relationships = new TreeMap<>();
        Map<String, Long> skipped = new TreeMap<>(repository.foreignLabels(
                java.util.stream.Stream.concat(Arrays.stream(Kind.values()).map(Kind::label), java.util.stream.Stream.of(MemorySchema.MIGRATION)).toList()));
        try (ExportLines lines = new ExportLines(out)) {
            lines.header(repository.schemaVersion(), Instant.now());
            for (Kind kind : Kind.values()) {
                String after = null;
                List<NodeRow> page;
                do {
                    page = repository.nodesAfter(kind, after, PAGE);
                    for (NodeRow row : page) {
                        lines.node(kind, row);
                        nodes.merge(kind.label(), 1L, Long::sum);
                    }
                    after = page.isEmpty() ? after : page.get(page.size() - 1).key();
                } while (page.size() == PAGE);
            }
            for (Kind kind : Kind.values()) {
                String after = null;
                List<RelationshipRow> page;
                do {
                    page = repository.relationshipsAfter(kind, after, PAGE);
                    for (RelationshipRow row : page) {
                        if (row.type() == null) {
                            continue;
                        }
                        Optional<Kind> to = MemorySchema.kindOf(row.toLabels());
                        if (to.isEmpty() || !MemorySchema.RELATIONSHIP_TYPES.contains(row.type())) {
                            skipped.merge(row.type() + " to " + row.toLabels(), 1L, Long::sum);
                            continue;
                        }
                        lines.relationship(kind, row.fromKey(), row.type(), to.get(), String.valueOf(row.toKeys().get(to.get().key())),
                                row.properties());
                        relationships.merge(row.type(), 1L, Long::sum);
                    }
                    // pages count start nodes, so read on while the page held a full page of distinct start nodes
                    after = page.isEmpty() ? after : page.get(page.size() - 1).fromKey();
                } while (page.stream().map(RelationshipRow::fromKey).distinct().count() == PAGE);
            }
            long nodeCount = nodes.values().stream().mapToLong(Long::longValue).sum();
            long relCount = relationships.values().stream().mapToLong(Long::longValue).sum();
            lines.end(nodeCount, relCount);
            ExportReport report = new ExportReport(nodes, relationships, skipped, lines.bytes(), (System.nanoTime() - started) / 1_000_000);
            log.info(report.summary());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
