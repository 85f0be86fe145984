package dev.spark.api;

import graphql.GraphQLContext;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the argument values of a request that do not fit their GraphQL input types (an unknown enum name, text
 * where a number belongs, a missing required field, a field the type does not have), in literals and in
 * variables alike, and names each by its path below the argument: {@code recipe}, {@code followed.rating},
 * {@code documents[1].library}. The fields of a root field's single input-object argument are named without
 * the argument ({@code attempt}, not {@code trace.attempt}), as the services name them.
 */
final class BadValues {

    /** A value that does not fit its type: where it is, what is wrong with it, and where it was written. */
    record BadValue(String field, String problem, SourceLocation location) {
    }

    // An enum name written as a literal, told apart from a string so that it is checked as a name.
    private record EnumName(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final int MAX_ECHO = 80;

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final OperationDefinition operation;
    private final Map<String, Object> variables;
    private final Set<String> visitedFragments = new HashSet<>();
    private final List<BadValue> found = new ArrayList<>();

    private BadValues(GraphQLSchema schema, Document document, OperationDefinition operation, Map<String, Object> variables) {
        this.schema = schema;
        this.fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
        this.operation = operation;
        this.variables = variables;
    }

    /** The bad values of the operation that {@code operationName} picks (or the only one), in document order. */
    static List<BadValue> in(GraphQLSchema schema, Document document, String operationName, Map<String, Object> variables) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        Optional<OperationDefinition> operation = operationName == null
                ? (operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty())
                : operations.stream().filter(o -> operationName.equals(o.getName())).findFirst();
        if (operation.isEmpty()) {
            return List.of();
        }
        GraphQLType root = switch (operation.get().getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        BadValues walk = new BadValues(schema, document, operation.get(), variables);
        walk.selections(operation.get().getSelectionSet(), root);
        return List.copyOf(walk.found);
    }

    private void selections(SelectionSet set, GraphQLType parent) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field && parent instanceof GraphQLFieldsContainer container) {
                GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
                if (definition != null) {
                    arguments(field, definition);
                    selections(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()));
                }
            } else if (selection instanceof InlineFragment inline) {
                selections(inline.getSelectionSet(), inline.getTypeCondition() == null ? parent
                        : schema.getType(inline.getTypeCondition().getName()));
            } else if (selection instanceof FragmentSpread spread && visitedFragments.add(spread.getName())
                    && fragments.containsKey(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                selections(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()));
            }
        }
    }

    private void arguments(Field field, GraphQLFieldDefinition definition) {
        List<GraphQLArgument> arguments = definition.getArguments();
        boolean unwrapped = arguments.size() == 1
                && GraphQLTypeUtil.unwrapNonNull(arguments.get(0).getType()) instanceof GraphQLInputObjectType;
        for (GraphQLArgument argument : arguments) {
            Optional<graphql.language.Argument> given = field.getArguments().stream()
                    .filter(a -> a.getName().equals(argument.getName())).findFirst();
            if (given.isEmpty()) {
                if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
                    found.add(new BadValue(argument.getName(), "is required", field.getSourceLocation()));
                }
                continue;
            }
            check(raw(given.get().getValue()), argument.getType(), unwrapped ? "" : argument.getName(),
                    given.get().getSourceLocation());
        }
    }

    private void check(Object value, GraphQLInputType type, String path, SourceLocation location) {
        if (type instanceof GraphQLNonNull nonNull) {
            if (value == null) {
                found.add(new BadValue(path, "is required", location));
                return;
            }
            type = (GraphQLInputType) nonNull.getWrappedType();
        }
        if (value == null) {
            return;
        }
        if (type instanceof GraphQLList list) {
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            if (value instanceof List<?> values) {
                for (int i = 0; i < values.size(); i++) {
                    check(values.get(i), element, path + "[" + i + "]", location);
                }
            } else {
                check(value, element, path, location);
            }
        } else if (type instanceof GraphQLInputObjectType object) {
            inputObject(value, object, path, location);
        } else if (type instanceof GraphQLEnumType enumType) {
            String name = value instanceof EnumName e ? e.name() : value instanceof String s ? s : null;
            if (name == null || enumType.getValue(name) == null) {
                found.add(new BadValue(path, "'" + echo(value) + "' is not one of " + enumType.getValues().stream()
                        .map(GraphQLEnumValueDefinition::getName).collect(Collectors.joining(", ")), location));
            }
        } else if (type instanceof GraphQLScalarType scalar) {
            try {
                scalar.getCoercing().parseValue(value instanceof EnumName e ? e.name() : value, GraphQLContext.getDefault(), Locale.ENGLISH);
            } catch (CoercingParseValueException e) {
                found.add(new BadValue(path, "'" + echo(value) + "' is not " + article(scalar.getName()) + " " + scalar.getName(), location));
            }
        }
    }

    private void inputObject(Object value, GraphQLInputObjectType type, String path, SourceLocation location) {
        if (!(value instanceof Map<?, ?> fields)) {
            found.add(new BadValue(path, "must be an object of type " + type.getName(), location));
            return;
        }
        for (Object name : fields.keySet()) {
            if (type.getField(String.valueOf(name)) == null) {
                found.add(new BadValue(join(path, String.valueOf(name)), "is not a field of " + type.getName(), location));
            }
        }
        for (GraphQLInputObjectField field : type.getFields()) {
            if (fields.containsKey(field.getName())) {
                check(fields.get(field.getName()), field.getType(), join(path, field.getName()), location);
            } else if (GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue()) {
                found.add(new BadValue(join(path, field.getName()), "is required", location));
            }
        }
    }

    /** A literal as the Java value a variable would carry, so that literals and variables are checked alike. */
    private Object raw(Value<?> value) {
        if (value instanceof VariableReference reference) {
            if (variables.containsKey(reference.getName())) {
                return variables.get(reference.getName());
            }
            return operation.getVariableDefinitions().stream()
                    .filter(v -> v.getName().equals(reference.getName()) && v.getDefaultValue() != null)
                    .map(VariableDefinition::getDefaultValue).findFirst().map(this::raw).orElse(null);
        }
        if (value instanceof StringValue s) {
            return s.getValue();
        }
        if (value instanceof IntValue i) {
            return i.getValue();
        }
        if (value instanceof FloatValue f) {
            return f.getValue();
        }
        if (value instanceof BooleanValue b) {
            return b.isValue();
        }
        if (value instanceof EnumValue e) {
            return new EnumName(e.getName());
        }
        if (value instanceof ArrayValue array) {
            return array.getValues().stream().map(this::raw).toList();
        }
        if (value instanceof ObjectValue object) {
            Map<String, Object> fields = new LinkedHashMap<>();
            object.getObjectFields().forEach(f -> fields.put(f.getName(), raw(f.getValue())));
            return fields;
        }
        return null;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String article(String typeName) {
        return "AEIOU".indexOf(typeName.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }
}
