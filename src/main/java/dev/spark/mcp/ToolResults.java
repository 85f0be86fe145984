package dev.spark.mcp;

import dev.spark.access.ForbiddenException;
import dev.spark.validation.InvalidInputException;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shapes of a tool's answer: structured content (a JSON object) and a short text rendering of it. */
final class ToolResults {

    private static final TypeRef<Map<String, Object>> OBJECT = new TypeRef<>() {
    };

    private final McpJsonMapper json = McpJsonDefaults.getMapper();

    /** An answer with nothing from Spark's memory in it. */
    CallToolResult plain(String text, Object structured) {
        return CallToolResult.builder()
                .content(List.of(TextContent.builder(text).build()))
                .structuredContent(json.convertValue(structured, OBJECT))
                .isError(false)
                .build();
    }

    /**
     * An answer that carries stored texts: {@code quoted} goes into a delimited data block, {@code note} (written by
     * Spark, e.g. what to do with the answer's id) stays outside it, and the structured content says which fields
     * are quoted data.
     */
    CallToolResult quoted(String quoted, String note, Object structured) {
        Map<String, Object> content = new LinkedHashMap<>(json.convertValue(structured, OBJECT));
        content.put("notice", QuotedData.FIELD_NOTICE);
        return CallToolResult.builder()
                .content(List.of(TextContent.builder(note).build(), TextContent.builder(QuotedData.block(quoted)).build()))
                .structuredContent(content)
                .isError(false)
                .build();
    }

    /** A bad argument: the error names it, in text and as {@code error.field}. */
    CallToolResult invalid(InvalidInputException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "invalid_argument");
        error.put("field", e.field());
        error.put("problem", e.problem());
        return CallToolResult.builder()
                .content(List.of(TextContent.builder("Invalid argument '" + e.field() + "': " + e.problem()).build()))
                .structuredContent(Map.of("error", error))
                .isError(true)
                .build();
    }

    /** The caller's key does not allow this: the error names the argument (or the tool) that asked for too much. */
    CallToolResult forbidden(ForbiddenException e) {
        return CallToolResult.builder()
                .content(List.of(TextContent.builder(e.getMessage()).build()))
                .structuredContent(Map.of("error", Map.of("code", "forbidden", "field", e.field(), "problem", e.getMessage())))
                .isError(true)
                .build();
    }

    CallToolResult error(String code, String message) {
        return CallToolResult.builder()
                .content(List.of(TextContent.builder(message).build()))
                .structuredContent(Map.of("error", Map.of("code", code, "problem", message)))
                .isError(true)
                .build();
    }
}
