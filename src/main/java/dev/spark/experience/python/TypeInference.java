package dev.spark.experience.python;

import dev.spark.experience.python.ApiTables.Gives;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What calls, members and subscripts evaluate to, by the tables, and which APIs they touch on the way. One
 * instance per input: it collects the qualified names found.
 */
final class TypeInference {

    private final ApiTables tables;
    private final Set<String> found = new TreeSet<>();

    TypeInference(ApiTables tables) {
        this.tables = tables;
    }

    /** The APIs reported so far, sorted. */
    Set<String> found() {
        return found;
    }

    /** Records a qualified name; single names (builtins, local functions) are never APIs. */
    void report(String name) {
        if (name.indexOf('.') > 0) {
            found.add(name);
        }
    }

    /** {@code callee(...)}: calling a module-level path reports it. */
    Value call(Value callee) {
        if (!callee.isPath()) {
            return Value.unknown(callee.isInstance() ? callee.library() : callee.name());
        }
        report(callee.name());
        return returnOf(callee.name());
    }

    /** What calling the module-level function or class {@code path} gives, without reporting it. */
    Value returnOf(String path) {
        return value(tables.onCall(path), path, null);
    }

    /**
     * {@code receiver.attribute}, called or not, for a receiver that is not a module path; reports the member when
     * it is known to exist. A value of unknown type from a library is read as the library's primary type, and
     * only if that type has such a member.
     */
    Value member(Value receiver, String attribute, boolean called) {
        String type;
        if (receiver.isInstance()) {
            type = receiver.name();
        } else {
            Optional<String> primary = tables.primaryType(receiver.name());
            if (primary.isEmpty() || !tables.members(primary.get()).map(m -> m.contains(attribute)).orElse(false)) {
                return Value.NOTHING;
            }
            type = primary.get();
        }
        Optional<Set<String>> members = tables.members(type);
        if (members.isPresent() && !members.get().contains(attribute)) {
            return called ? Value.NOTHING : value(tables.onColumn(type), type, attribute);
        }
        Gives gives = tables.onMember(type, attribute, called);
        if (gives.result() != ApiTables.Result.PATH) {
            report(type + "." + attribute);
        }
        return value(gives, type, attribute);
    }

    /** {@code receiver[...]}; {@code singleString} when the index is one string literal, as in {@code df['a']}. */
    Value subscript(Value receiver, boolean singleString) {
        if (receiver.isInstance()) {
            return value(tables.onSubscript(receiver.name(), singleString), receiver.name(), null);
        }
        if (receiver.isPath()) {
            return Value.unknown(receiver.library());
        }
        return receiver;
    }

    /** The value a rule gives; {@code self} is the receiver's type or the path called. */
    private static Value value(Gives gives, String self, String member) {
        return switch (gives.result()) {
            case TYPE -> Value.instance(gives.type());
            case SELF -> Value.instance(self);
            case NOTHING -> Value.NOTHING;
            case UNKNOWN -> Value.unknown(Dotted.root(self));
            case PATH -> Value.path(self + "." + member);
        };
    }
}
