package dev.spark.ops.internal;

import dev.spark.ops.ImportFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Property values to and from JSON. Strings, integers, floats, booleans and lists of them are plain JSON (an integer
 * stays an integer, a float is always written with a fraction or exponent); temporal values are one-key objects
 * ({@code {"$datetime": "2026-01-01T10:00Z"}}); an embedding is {@code {"$vector": base64}} of its 32-bit floats
 * in little-endian order, exact and about half the size of decimal text.
 */
public final class PropertyCodec {

    static final String DATETIME = "$datetime";
    static final String DATE = "$date";
    static final String LOCAL_DATETIME = "$localdatetime";
    static final String VECTOR = "$vector";

    private PropertyCodec() {
    }

    /** A property value read from the database, as JSON-ready Java values; empty for a type the format lacks. */
    public static Optional<Object> encode(Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return Optional.of(value);
        }
        if (value instanceof ZonedDateTime t) {
            return Optional.of(Map.of(DATETIME, t.toString()));
        }
        if (value instanceof LocalDate d) {
            return Optional.of(Map.of(DATE, d.toString()));
        }
        if (value instanceof LocalDateTime t) {
            return Optional.of(Map.of(LOCAL_DATETIME, t.toString()));
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                if (element instanceof List<?> || element instanceof Map<?, ?>) {
                    return Optional.empty();
                }
                Optional<Object> encoded = encode(element);
                if (encoded.isEmpty()) {
                    return Optional.empty();
                }
                out.add(encoded.get());
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** An embedding read from the database (doubles holding 32-bit floats), as base64. */
    public static Map<String, Object> encodeVector(List<?> vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (Object v : vector) {
            bytes.putFloat(((Number) v).floatValue());
        }
        return Map.of(VECTOR, Base64.getEncoder().encodeToString(bytes.array()));
    }

    /** The properties of one line, checked value by value; {@code vectorProperty} holds an embedding. */
    public static Decoded decode(JsonNode props, Optional<String> vectorProperty, long line, String field) {
        if (props == null || props.isNull() || props.isMissingNode()) {
            return new Decoded(Map.of(), null);
        }
        if (!props.isObject()) {
            throw new ImportFormatException(line, field, "must be an object of properties");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<Double> vector = null;
        for (Map.Entry<String, JsonNode> e : props.properties()) {
            String name = field + "." + e.getKey();
            if (e.getKey().isEmpty() || e.getKey().startsWith("__")) {
                throw new ImportFormatException(line, name, "is not a property name Spark writes");
            }
            if (vectorProperty.isPresent() && vectorProperty.get().equals(e.getKey())) {
                vector = vector(e.getValue(), line, name);
            } else {
                values.put(e.getKey(), value(e.getValue(), line, name));
            }
        }
        return new Decoded(values, vector);
    }

    /** Plain properties, and the embedding (written through the vector procedure) when there is one. */
    public record Decoded(Map<String, Object> properties, List<Double> vector) {
    }

    private static Object value(JsonNode node, long line, String field) {
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            Class<?> type = null;
            for (JsonNode element : node.values()) {
                if (element.isArray() || element.isObject() && element.size() != 1) {
                    throw new ImportFormatException(line, field, "lists hold plain values only");
                }
                Object value = value(element, line, field + "[" + list.size() + "]");
                if (type != null && type != value.getClass()) {
                    throw new ImportFormatException(line, field, "a list holds values of one type; found "
                            + type.getSimpleName() + " and " + value.getClass().getSimpleName());
                }
                type = value.getClass();
                list.add(value);
            }
            return list;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw new ImportFormatException(line, field, "integer out of the 64-bit range");
            }
            return node.longValue();
        }
        if (node.isFloatingPointNumber()) {
            return node.doubleValue();
        }
        if (node.isObject() && node.size() == 1) {
            String tag = node.propertyNames().iterator().next();
            JsonNode text = node.get(tag);
            if (!text.isString()) {
                throw new ImportFormatException(line, field + "." + tag, "must be a string");
            }
            try {
                return switch (tag) {
                    case DATETIME -> ZonedDateTime.parse(text.stringValue());
                    case DATE -> LocalDate.parse(text.stringValue());
                    case LOCAL_DATETIME -> LocalDateTime.parse(text.stringValue());
                    default -> throw new ImportFormatException(line, field, "unknown value type " + tag
                            + " (expected " + DATETIME + ", " + DATE + " or " + LOCAL_DATETIME + ")");
                };
            } catch (DateTimeParseException e) {
                throw new ImportFormatException(line, field + "." + tag, "not an ISO-8601 value: " + text.stringValue());
            }
        }
        if (node.isNull()) {
            throw new ImportFormatException(line, field, "a property cannot be null (leave it out)");
        }
        throw new ImportFormatException(line, field, "must be a string, number, boolean, list or typed value");
    }

    private static List<Double> vector(JsonNode node, long line, String field) {
        JsonNode encoded = node.isObject() && node.size() == 1 ? node.get(VECTOR) : null;
        if (encoded == null || !encoded.isString()) {
            throw new ImportFormatException(line, field, "must be {\"" + VECTOR + "\": base64 of little-endian 32-bit floats}");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.stringValue());
        } catch (IllegalArgumentException e) {
            throw new ImportFormatException(line, field, "is not base64: " + e.getMessage());
        }
        if (bytes.length == 0 || bytes.length % Float.BYTES != 0) {
            throw new ImportFormatException(line, field, "holds " + bytes.length + " bytes, not a whole number of 32-bit floats");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Double> vector = new ArrayList<>(bytes.length / Float.BYTES);
        while (buffer.hasRemaining()) {
            float f = buffer.getFloat();
            if (!Float.isFinite(f)) {
                throw new ImportFormatException(line, field, "holds a value that is not a finite number");
            }
            vector.add((double) f);
        }
        return vector;
    }
}
