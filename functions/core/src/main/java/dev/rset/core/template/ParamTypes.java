package dev.rset.core.template;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.gotypes.GoValue;
import java.util.List;
import java.util.Map;

/** Go's assignability rules for {@link ParamType}s, shared by direct calls and {@code call}. */
final class ParamTypes {
    private ParamTypes() {
    }

    /** Whether Go's untyped nil converts to the type (interfaces, slices and maps). */
    static boolean canBeNil(ParamType p) {
        return p == ParamType.ANY || p == ParamType.LIST || p == ParamType.STRING_LIST || p == ParamType.MAP;
    }

    /** Whether a non-nil value has exactly the type, as Go's {@code AssignableTo}. */
    static boolean assignable(Object v, ParamType p) {
        return switch (p) {
            case ANY -> true;
            case STRING -> v instanceof String;
            case BOOL -> v instanceof Boolean;
            case INT -> v instanceof GoInt;
            case INT64 -> v instanceof Long;
            case FLOAT64 -> v instanceof Double;
            case LIST -> v instanceof List && !(v instanceof GoTypedList);
            case STRING_LIST -> v instanceof GoTypedList t && t.elemType().equals("string");
            case MAP -> v instanceof Map;
            case TIME -> v instanceof GoValue g && g.goTypeName().equals("time.Time");
        };
    }
}
