package dev.spark.knowledge.internal;

import dev.spark.knowledge.ApiNames;
import dev.spark.knowledge.DocRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code Doc} node as it is written, with the {@code Api} it documents when its {@code api} is a qualified
 * name (a section heading documents none).
 */
public record ChunkWrite(DocRecord record, String hash, float[] embedding) {

    Map<String, Object> parameters() {
        // a HashMap, since most optional fields may be null
        Map<String, Object> row = new HashMap<>();
        row.put("id", record.id());
        row.put("library", record.library());
        row.put("api", record.api());
        row.put("title", record.title());
        row.put("text", record.text());
        row.put("source", record.source());
        row.put("version", record.version());
        row.put("docId", record.docId());
        row.put("hash", hash);
        row.put("aliases", record.aliases());
        row.put("embedding", toList(embedding));
        String apiName = record.documentsApi() ? record.api() : null;
        row.put("apiName", apiName);
        row.put("apiKind", apiName == null ? null : ApiNames.kind(apiName));
        row.put("apiShortName", apiName == null ? null : apiName.substring(apiName.lastIndexOf('.') + 1));
        return row;
    }

    private static List<Float> toList(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float v : vector) {
            list.add(v);
        }
        return list;
    }
}
