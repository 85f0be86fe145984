package dev.spark.knowledge;

import dev.spark.knowledge.ingest.DocSink;
import dev.spark.knowledge.ingest.JsonlDocReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads documentation records without storing them, for benchmarks and evaluations; bad records are skipped. */
public final class DocCorpus {

    private DocCorpus() {
    }

    /** Every valid record of the JSONL files in {@code path} (a file or a directory), in file order. */
    public static List<DocRecord> readJsonl(Path path) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(JsonlDocReader::accepts).sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        List<DocRecord> records = new ArrayList<>();
        JsonlDocReader reader = new JsonlDocReader();
        DocSink sink = new DocSink() {
            @Override
            public void record(DocRecord record) {
                records.add(record);
            }

            @Override
            public void problem(IngestProblem problem) {
                // skipped: ingestion is where problems are reported
            }
        };
        for (Path file : files) {
            reader.read(file, sink);
        }
        return records;
    }
}
