package dev.rset.core.template;

import dev.rset.core.gotypes.GoKind;
import dev.rset.core.gotypes.GoTypes;
import dev.rset.core.gotypes.GoValue;
import java.util.List;
import java.util.Map;

/**
 * How the executor sees values. Java null is Go's invalid {@code reflect.Value} (an absent map
 * key, an untyped nil). {@link #NIL_INTERFACE} is a nil {@code interface{}} that has a static
 * type: a map entry or list element that is null, or a function's nil result. Go tells the two
 * apart in error messages ({@code invalid value; expected string} versus
 * {@code wrong type for value; expected string; got interface {}}) and in field access
 * ({@code nil pointer evaluating interface {}.x}); a pipeline result never keeps the marker.
 */
final class Values {
    /** A nil {@code interface{}} value. */
    static final Object NIL_INTERFACE = new Object() {
        @Override
        public String toString() {
            return "<nil>";
        }
    };

    private Values() {
    }

    /** Go's {@code indirectInterface}: the concrete value, or null for a nil interface. */
    static Object concrete(Object v) {
        return v == NIL_INTERFACE ? null : v;
    }

    /** Wraps a container element or function result: null becomes a nil interface. */
    static Object element(Object v) {
        return v == null ? NIL_INTERFACE : v;
    }

    /** Go's {@code isTrue}: false, 0, nil, and empty strings, lists and maps are false. */
    static boolean isTrue(Object v) {
        if (v == null || v == NIL_INTERFACE) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Number n) {
            return v instanceof Double ? n.doubleValue() != 0 : n.longValue() != 0;
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof GoByte b) {
            return b.value() != 0;
        }
        if (v instanceof GoComplex c) {
            return c.re() != 0 || c.im() != 0;
        }
        return true; // structs such as time.Time are always true
    }

    /** The Go type name used in messages; a nil interface is {@code interface {}}. */
    static String typeName(Object v) {
        return v == NIL_INTERFACE ? "interface {}" : GoTypes.typeName(v);
    }

    /** A non-nil value whose static type is interface{}; only {@code slice} indexes need to know. */
    record InterfaceValue(Object value) {
    }

    /** A Go {@code uint8}, the type of {@code index} on a string. */
    record GoByte(int value) implements GoValue {
        @Override
        public String goTypeName() {
            return "uint8";
        }

        @Override
        public GoKind goKind() {
            return GoKind.UINT8;
        }

        @Override
        public String goString() {
            return Integer.toString(value);
        }
    }

    /** A Go {@code complex128}, only made by imaginary literals such as {@code 2i}. */
    record GoComplex(double re, double im) implements GoValue {
        @Override
        public String goTypeName() {
            return "complex128";
        }

        /** GoKind has no complex kind; complex values are too rare in templates to add one. */
        @Override
        public GoKind goKind() {
            return GoKind.STRUCT;
        }

        @Override
        public String goString() {
            String i = dev.rset.core.gotypes.GoFormat.formatFloat(im);
            return "(" + dev.rset.core.gotypes.GoFormat.formatFloat(re) + (i.startsWith("-") || i.startsWith("+") ? "" : "+")
                    + i + "i)";
        }
    }
}
