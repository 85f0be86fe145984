package dev.spark.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spark.curation.LessonAdmin;
import dev.spark.curation.LessonAudit;
import dev.spark.experience.TaskInput;
import dev.spark.forgetting.Forgetting;
import dev.spark.experience.TraceInput;
import dev.spark.knowledge.DocRecord;
import dev.spark.knowledge.DocSearch;
import dev.spark.knowledge.DocumentIngestor;
import dev.spark.recommend.RecommendQuery;
import dev.spark.validation.InputName;
import graphql.language.AbstractDescribedNode;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeUtil;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GraphQL schema documents every input limit on the field it applies to; the annotations on the input records
 * are where the limits are enforced. This test holds the two to the same numbers, field by field: a field's
 * description must state exactly the numbers its constraints carry, in order (minimum length, maximum length;
 * for a list its maximum count, then its elements' lengths; for a number its minimum and maximum).
 */
class SchemaLimitsTest {

    /** Input types whose fields are the components of an input record. */
    static final Map<String, Class<? extends Record>> RECORDS = Map.of(
            "TaskInput", TaskInput.class,
            "TraceInput", TraceInput.class,
            "FollowedInput", TraceInput.Followed.class,
            "DocumentInput", DocRecord.class);

    /** Root fields whose arguments are the components of an input record. */
    static final Map<String, Class<? extends Record>> ARGUMENT_RECORDS = Map.of("Query.recommend", RecommendQuery.class);

    /** Arguments that services check one by one (with Check) rather than through a record. */
    static final Map<String, List<Long>> SERVICE_LIMITS = Map.ofEntries(
            Map.entry("Query.searchDocs.query", List.of(1L, (long) DocSearch.MAX_QUERY)),
            Map.entry("Query.searchDocs.library", List.of((long) DocRecord.MAX_LIBRARY)),
            Map.entry("Query.searchDocs.k", List.of(1L, (long) DocSearch.MAX_K)),
            Map.entry("Query.api.name", List.of(1L, (long) DocRecord.MAX_API)),
            Map.entry("Mutation.ingestDocs.documents", List.of(1L, (long) DocumentIngestor.MAX_UPLOAD)),
            Map.entry("Query.lesson.id", List.of(1L, (long) LessonAudit.MAX_ID)),
            Map.entry("Query.lessons.cluster", List.of((long) LessonAudit.MAX_ID)),
            Map.entry("Query.lessons.api", List.of((long) LessonAudit.MAX_API)),
            Map.entry("Query.lessons.first", List.of(1L, (long) LessonAudit.MAX_PAGE)),
            Map.entry("Query.lessons.after", List.of((long) LessonAudit.MAX_ID)),
            Map.entry("Query.lesson.space", List.of((long) LessonAudit.MAX_SPACE)),
            Map.entry("Query.lessons.space", List.of((long) LessonAudit.MAX_SPACE)),
            Map.entry("Query.curationRuns.first", List.of(1L, (long) LessonAudit.MAX_PAGE)),
            Map.entry("Mutation.releaseLesson.id", List.of(1L, (long) LessonAudit.MAX_ID)),
            Map.entry("Mutation.releaseLesson.reason", List.of(1L, (long) LessonAdmin.MAX_REASON)),
            Map.entry("Mutation.quarantineLesson.id", List.of(1L, (long) LessonAudit.MAX_ID)),
            Map.entry("Mutation.quarantineLesson.reason", List.of(1L, (long) LessonAdmin.MAX_REASON)),
            Map.entry("Query.mergeSuggestions.first", List.of(1L, (long) LessonAudit.MAX_PAGE)),
            Map.entry("Mutation.resolveMergeSuggestion.lesson", List.of(1L, (long) LessonAudit.MAX_ID)),
            Map.entry("Mutation.resolveMergeSuggestion.into", List.of(1L, (long) LessonAudit.MAX_ID)),
            Map.entry("Mutation.resolveMergeSuggestion.reason", List.of(1L, (long) LessonAdmin.MAX_REASON)),
            Map.entry("Mutation.forgetTrace.id", List.of(1L, (long) Forgetting.MAX_TRACE_ID)),
            Map.entry("Mutation.forgetAgent.id", List.of(1L, (long) TraceInput.MAX_AGENT_ID)),
            Map.entry("Mutation.forgetSpace.id", List.of(1L, (long) TraceInput.MAX_SPACE)),
            Map.entry("Query.forgotten.id", List.of(1L, (long) TraceInput.MAX_AGENT_ID)));

    // A limit as the descriptions write it: 1-20,000 / up to 64 / at most 10 (not the 25 of BM25 or a list index).
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\\[])(\\d{1,3}(?:,\\d{3})+|\\d+)(?![\\w\\]]|,\\d)");
    // Examples in backticks or quotes are not limits.
    private static final Pattern QUOTED = Pattern.compile("`[^`]*`|\"[^\"]*\"");

    @Test
    void descriptionsStateTheLimitsOfTheAnnotations() {
        Comparison comparison = compare(schema(readSchema()), RECORDS, ARGUMENT_RECORDS);

        assertThat(comparison.stated()).isEqualTo(comparison.enforced());
        assertThat(comparison.unmatched()).as("schema fields without a record component").isEmpty();
        assertThat(comparison.undocumented()).as("constrained record components missing from the schema").isEmpty();
        assertThat(comparison.unchecked()).as("descriptions stating numbers this test does not check").isEmpty();
    }

    @Test
    void aLimitChangedOnEitherSideIsADifference() {
        String schema = readSchema();
        String loosened = schema.replace("The code that was tried: 1-50,000 characters.", "The code that was tried: 1-60,000 characters.");
        assertThat(loosened).isNotEqualTo(schema);
        assertThat(differences(compare(schema(loosened), RECORDS, ARGUMENT_RECORDS))).containsExactly("TraceInput.attempt");

        Map<String, Class<? extends Record>> stricter = new LinkedHashMap<>(RECORDS);
        stricter.put("FollowedInput", FollowedWithNarrowerRating.class);
        assertThat(differences(compare(schema(schema), stricter, ARGUMENT_RECORDS))).containsExactly("FollowedInput.rating");

        String undocumented = schema.replace("\"Error output: up to 20,000 characters.\"", "");
        assertThat(differences(compare(schema(undocumented), RECORDS, ARGUMENT_RECORDS))).containsExactly("TraceInput.error");
    }

    record FollowedWithNarrowerRating(@NotBlank @Size(max = 64) String recommendationId, @Min(1) @Max(4) int rating) {
    }

    /**
     * @param compared definitions whose descriptions were compared, as {@code Type.field} or {@code Root.field.argument}
     */
    record Comparison(Map<String, List<Long>> enforced, Map<String, List<Long>> stated, List<String> unmatched,
                      List<String> undocumented, List<String> unchecked, Set<String> compared) {
    }

    private static List<String> differences(Comparison comparison) {
        return comparison.enforced().keySet().stream()
                .filter(key -> !comparison.enforced().get(key).equals(comparison.stated().get(key))).toList();
    }

    private static Comparison compare(TypeDefinitionRegistry schema, Map<String, Class<? extends Record>> records,
                                      Map<String, Class<? extends Record>> argumentRecords) {
        Comparison result = new Comparison(new TreeMap<>(), new TreeMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new HashSet<>());
        records.forEach((type, record) -> compareRecord(schema, records, type,
                schema.getType(type, InputObjectTypeDefinition.class).orElseThrow().getInputValueDefinitions(), record, result));
        argumentRecords.forEach((field, record) -> compareRecord(schema, records, field, rootField(schema, field).getInputValueDefinitions(),
                record, result));
        SERVICE_LIMITS.forEach((key, limits) -> {
            String[] parts = key.split("\\.");
            InputValueDefinition argument = rootField(schema, parts[0] + "." + parts[1]).getInputValueDefinitions().stream()
                    .filter(a -> a.getName().equals(parts[2])).findFirst().orElseThrow();
            result.enforced().put(key, limits);
            result.stated().put(key, numbers(argument));
            result.compared().add(key);
        });
        findUnchecked(schema, result);
        return result;
    }

    private static void compareRecord(TypeDefinitionRegistry schema, Map<String, Class<? extends Record>> records, String owner,
                                      List<InputValueDefinition> fields, Class<? extends Record> record, Comparison result) {
        List<String> seen = new ArrayList<>();
        compareFields(schema, records, owner, owner, fields, "", record, result, seen);
        Arrays.stream(record.getRecordComponents())
                .filter(c -> !seen.contains(c.getName()) && isConstrained(field(record, c)))
                .forEach(c -> result.undocumented().add(owner + ": " + record.getSimpleName() + "." + c.getName()));
    }

    private static void compareFields(TypeDefinitionRegistry schema, Map<String, Class<? extends Record>> records, String owner,
                                      String definingType, List<InputValueDefinition> fields, String prefix,
                                      Class<? extends Record> record, Comparison result, List<String> seen) {
        for (InputValueDefinition field : fields) {
            String path = prefix + field.getName();
            String typeName = TypeUtil.unwrapAll(field.getType()).getName();
            Optional<InputObjectTypeDefinition> nested = schema.getType(typeName, InputObjectTypeDefinition.class);
            Optional<RecordComponent> component = component(record, path);
            if (nested.isPresent() && !records.containsKey(typeName) && component.isEmpty()) {
                // an input object that only groups fields of the same record, as AgentInput does for TraceInput
                compareFields(schema, records, owner, typeName, nested.get().getInputValueDefinitions(), path + ".", record,
                        result, seen);
            } else if (component.isEmpty()) {
                result.unmatched().add(owner + "." + path);
            } else {
                seen.add(component.get().getName());
                if (nested.isEmpty()) {
                    result.enforced().put(owner + "." + path, limits(field(record, component.get())));
                    result.stated().put(owner + "." + path, numbers(field));
                    result.compared().add(definingType + "." + field.getName());
                }
            }
        }
    }

    /** Descriptions of inputs and root fields that state numbers nobody compares would drift unnoticed. */
    private static void findUnchecked(TypeDefinitionRegistry schema, Comparison result) {
        for (InputObjectTypeDefinition type : schema.getTypes(InputObjectTypeDefinition.class)) {
            checkNoNumbers(type.getName(), type, result);
            type.getInputValueDefinitions().forEach(f -> checkStated(type.getName() + "." + f.getName(), f, result));
        }
        for (String root : List.of("Query", "Mutation")) {
            for (FieldDefinition field : rootFields(schema, root)) {
                checkNoNumbers(root + "." + field.getName(), field, result);
                field.getInputValueDefinitions().forEach(a -> checkStated(root + "." + field.getName() + "." + a.getName(), a, result));
            }
        }
    }

    private static void checkNoNumbers(String key, AbstractDescribedNode<?> node, Comparison result) {
        if (!numbers(node).isEmpty()) {
            result.unchecked().add(key);
        }
    }

    private static void checkStated(String key, InputValueDefinition field, Comparison result) {
        if (!result.compared().contains(key) && !numbers(field).isEmpty()) {
            result.unchecked().add(key);
        }
    }

    private static List<Long> limits(Field field) {
        List<Long> limits = new ArrayList<>(limits(field.getAnnotations()));
        if (field.getAnnotatedType() instanceof AnnotatedParameterizedType generic) {
            limits.addAll(limits(generic.getAnnotatedActualTypeArguments()[0].getAnnotations()));
        }
        return limits;
    }

    private static List<Long> limits(Annotation[] annotations) {
        long min = 0;
        long max = -1;
        List<Long> range = new ArrayList<>();
        for (Annotation a : annotations) {
            if (a instanceof NotBlank || a instanceof NotEmpty) {
                min = Math.max(min, 1);
            } else if (a instanceof Size size) {
                min = Math.max(min, size.min());
                max = size.max() == Integer.MAX_VALUE ? -1 : size.max();
            } else if (a instanceof Min m) {
                range.add(0, m.value());
            } else if (a instanceof Max m) {
                range.add(m.value());
            }
        }
        List<Long> limits = new ArrayList<>();
        if (min > 0) {
            limits.add(min);
        }
        if (max >= 0) {
            limits.add(max);
        }
        limits.addAll(range);
        return limits;
    }

    private static boolean isConstrained(Field field) {
        return !limits(field).isEmpty() || field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(Valid.class);
    }

    private static Optional<RecordComponent> component(Class<? extends Record> record, String path) {
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> c.getName().equals(path)
                        || Optional.ofNullable(field(record, c).getAnnotation(InputName.class)).map(InputName::value).filter(path::equals).isPresent())
                .findFirst();
    }

    private static Field field(Class<? extends Record> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> numbers(AbstractDescribedNode<?> node) {
        if (node.getDescription() == null) {
            return List.of();
        }
        Matcher m = NUMBER.matcher(QUOTED.matcher(node.getDescription().getContent()).replaceAll(""));
        List<Long> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(Long.parseLong(m.group().replace(",", "")));
        }
        return numbers;
    }

    private static FieldDefinition rootField(TypeDefinitionRegistry schema, String key) {
        String[] parts = key.split("\\.");
        return rootFields(schema, parts[0]).stream().filter(f -> f.getName().equals(parts[1])).findFirst().orElseThrow();
    }

    /** The fields of a root type, those added by {@code extend type} included, so that none escapes the checks. */
    private static List<FieldDefinition> rootFields(TypeDefinitionRegistry schema, String root) {
        List<FieldDefinition> fields = new ArrayList<>(schema.getType(root, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions());
        schema.objectTypeExtensions().getOrDefault(root, List.of()).forEach(extension -> fields.addAll(extension.getFieldDefinitions()));
        return fields;
    }

    private static TypeDefinitionRegistry schema(String text) {
        return new SchemaParser().parse(text);
    }

    private static String readSchema() {
        try (InputStream in = SchemaLimitsTest.class.getResourceAsStream("/graphql/schema.graphqls")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
