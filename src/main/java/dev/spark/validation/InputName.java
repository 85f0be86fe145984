package dev.spark.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name callers use for an input record's field when it differs from the component's name, so that an
 * error names what the caller sent: {@code agent.id} for a trace's {@code agentId} (GraphQL nests it under
 * {@code agent}), {@code doc_id} for a document's {@code docId} (as spelt in JSONL files).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface InputName {

    String value();
}
