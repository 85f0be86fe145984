package dev.spark.mcp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders for the JSON Schemas (2020-12) of the tools' arguments. Limits come from the services' own constants,
 * so a schema states the limits that validation enforces.
 */
final class JsonSchema {

    private JsonSchema() {
    }

    /** An object with these properties (in order), of which {@code required} must be given; nothing else allowed. */
    static Map<String, Object> object(String description, Map<String, Object> properties, String... required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (description != null) {
            schema.put("description", description);
        }
        schema.put("properties", properties);
        if (required.length > 0) {
            schema.put("required", List.of(required));
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** Properties in the order given: name, schema, name, schema, ... */
    static Map<String, Object> properties(Object... nameThenSchema) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSchema.length; i += 2) {
            properties.put((String) nameThenSchema[i], nameThenSchema[i + 1]);
        }
        return properties;
    }

    static Map<String, Object> string(String description, int minLength, int maxLength) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "string");
        if (description != null) {
            schema.put("description", description);
        }
        if (minLength > 0) {
            schema.put("minLength", minLength);
        }
        schema.put("maxLength", maxLength);
        return schema;
    }

    static Map<String, Object> integer(String description, int minimum, int maximum, Integer defaultValue) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "integer");
        schema.put("description", description);
        schema.put("minimum", minimum);
        schema.put("maximum", maximum);
        if (defaultValue != null) {
            schema.put("default", defaultValue);
        }
        return schema;
    }

    static Map<String, Object> choice(String description, Enum<?>[] values, Enum<?> defaultValue) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "string");
        schema.put("description", description);
        schema.put("enum", Arrays.stream(values).map(Enum::name).toList());
        if (defaultValue != null) {
            schema.put("default", defaultValue.name());
        }
        return schema;
    }

    static Map<String, Object> strings(String description, int maxItems, int maxLength) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "array");
        schema.put("description", description);
        schema.put("items", string(null, 1, maxLength));
        schema.put("maxItems", maxItems);
        return schema;
    }
}
