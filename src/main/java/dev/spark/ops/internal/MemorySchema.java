package dev.spark.ops.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The node labels and relationship types of Spark's memory, each label with the property that identifies its nodes
 * (the unique constraint of cypher/migrations). Labels and types cannot be Cypher parameters, so every statement
 * that names one is built from these constants only; anything else read from a file is rejected.
 * {@code CurationLease} is left out on purpose: it coordinates running instances and is not memory.
 */
public final class MemorySchema {

    /** A node kind: its label, its key property, the extra labels its nodes may carry, its vector property. */
    public enum Kind {
        LIBRARY("Library", "name"),
        API("Api", "qualifiedName"),
        DOC("Doc", "id", "embedding"),
        SPACE("Space", "id"),
        AGENT("Agent", "id"),
        TASK("Task", "id", "embedding"),
        FAILURE_PATTERN("FailurePattern", "signature", "embedding"),
        TRACE("Trace", "id", null, "Uncurated", "CurationFailed"),
        RECOMMENDATION("Recommendation", "id"),
        LESSON_CLUSTER("LessonCluster", "id"),
        LESSON("Lesson", "id", "embedding"),
        CURATION_RUN("CurationRun", "id"),
        FORGETTING("Forgetting", "id"),
        /** the model that embedded the vectors above (EmbeddingModelGuard): they travel together */
        EMBEDDING_MODEL("EmbeddingModel", "key");

        private final String label;
        private final String key;
        private final String vector;
        private final List<String> extraLabels;

        Kind(String label, String key) {
            this(label, key, null);
        }

        Kind(String label, String key, String vector, String... extraLabels) {
            this.label = label;
            this.key = key;
            this.vector = vector;
            this.extraLabels = List.of(extraLabels);
        }

        public String label() {
            return label;
        }

        public String key() {
            return key;
        }

        public Optional<String> vector() {
            return Optional.ofNullable(vector);
        }

        public List<String> extraLabels() {
            return extraLabels;
        }
    }

    /** Every relationship type Spark writes. */
    public static final Set<String> RELATIONSHIP_TYPES = Set.of(
            "IN_LIBRARY", "DOCUMENTS", "RECORDED", "ATTEMPTED", "USED", "HIT", "IN_SPACE", "INVOLVES", "FOLLOWED", "FOR",
            "CITES", "LEARNED_FROM", "APPLIES_TO", "BACKED_BY", "AVOIDS", "MERGED_INTO", "IN_CLUSTER", "CONTRADICTS",
            "SUPERSEDES", "DECIDED", "SUGGESTED_MERGE", "PROMOTED_FROM", "SEEN_IN");

    /** Marks the nodes an import created until it completes, so that a failed import can remove exactly those. */
    public static final String IMPORTING = "__SparkImport";

    /** Schema bookkeeping, written by the migrations of each database, never exported. */
    public static final String MIGRATION = "__SparkMigration";

    private static final Map<String, Kind> BY_LABEL = Arrays.stream(Kind.values())
            .collect(Collectors.toUnmodifiableMap(Kind::label, Function.identity()));

    private MemorySchema() {
    }

    public static Optional<Kind> kind(String label) {
        return Optional.ofNullable(BY_LABEL.get(label));
    }

    /** The kind of a node from its labels (a trace is {@code Trace:Uncurated}). */
    public static Optional<Kind> kindOf(List<String> labels) {
        return labels.stream().map(BY_LABEL::get).filter(k -> k != null).findFirst();
    }
}
