package dev.rset.core.template.sprig;

import dev.rset.core.gotypes.GoKind;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.gotypes.GoTypes;
import dev.rset.core.template.FunctionException;
import java.util.List;
import java.util.Map;

/** The {@code reflect}-based checks sprig makes: zero values, deep equality, slice kinds. */
final class GoReflect {
    /** What Go's runtime reports when sprig calls {@code reflect.TypeOf(nil).Kind()}. */
    static final String NIL_DEREFERENCE =
            "runtime error: invalid memory address or nil pointer dereference";

    private GoReflect() {
    }

    /** sprig {@code empty}: nil, zero numbers, false, and empty strings, slices and maps. */
    static boolean empty(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof String s) {
            return s.isEmpty();
        }
        if (v instanceof List<?> l) {
            return l.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof Double d) {
            return d == 0;
        }
        if (v instanceof Number n) {
            return n.longValue() == 0;
        }
        if (v instanceof GoDuration d) {
            return d.nanos() == 0;
        }
        return false; // structs such as time.Time are never empty
    }

    /**
     * {@code reflect.DeepEqual} on template values: the dynamic Go types must match exactly (so an
     * {@code int} 1 is not an {@code int64} 1), then values compare recursively.
     */
    static boolean deepEqual(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (!GoTypes.typeName(a).equals(GoTypes.typeName(b))) {
            return false;
        }
        if (a == b) {
            return true;
        }
        if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!deepEqual(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma) {
            Map<?, ?> mb = (Map<?, ?>) b;
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !deepEqual(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Double da) {
            return da.doubleValue() == (Double) b; // NaN is unequal to itself, as in Go
        }
        return a.equals(b);
    }

    /** {@code reflect.TypeOf(v).Kind().String()}, failing as Go does for nil. */
    static String kindName(Object v) {
        if (v == null) {
            throw new FunctionException(NIL_DEREFERENCE);
        }
        return GoTypes.kind(v).goName();
    }

    /**
     * The elements of a slice argument, or a {@code FunctionException} with sprig's message
     * (formatted with the argument's kind) when it is not a slice.
     */
    static List<?> slice(Object v, String errorFormat) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new FunctionException(String.format(errorFormat, kindName(v)));
    }

    static boolean isSlice(Object v) {
        return v != null && GoTypes.kind(v) == GoKind.SLICE;
    }

    /** A new slice of the same Go type as {@code like} holding {@code elements}. */
    static List<Object> sameType(List<?> like, List<?> elements) {
        if (like instanceof GoTypedList t) {
            return new GoTypedList(t.elemType(), elements);
        }
        return new java.util.ArrayList<>(elements);
    }
}
