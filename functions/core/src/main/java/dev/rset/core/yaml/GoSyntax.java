package dev.rset.core.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Go's {@code %#v} rendering of decoded YAML values, used inside go-yaml and sigs.k8s.io errors. */
final class GoSyntax {
    private GoSyntax() {
    }

    static String sharpV(Object v) {
        return sharpV(v, true);
    }

    /** @param top whether v is the operand itself (nil prints as {@code <nil>} only there) */
    private static String sharpV(Object v, boolean top) {
        if (v == null) {
            return top ? "<nil>" : "interface {}(nil)";
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof Double d) {
            return GoFloats.formatG(d);
        }
        if (v instanceof YamlUint u) {
            return "0x" + u.value().toString(16);
        }
        if (v instanceof BigInteger b) {
            return "&big.Int{" + b + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                parts.add(sharpV(o, false));
            }
            return "[]interface {}{" + String.join(", ", parts) + "}";
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                parts.add(sharpV(e.getKey(), false) + ":" + sharpV(e.getValue(), false));
            }
            parts.sort(null);
            return "map[interface {}]interface {}{" + String.join(", ", parts) + "}";
        }
        return String.valueOf(v);
    }

    /** Go type name as {@code reflect.TypeOf(v)} prints it. */
    static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof YamlUint) {
            return "uint64";
        }
        if (v instanceof BigInteger) {
            return "*big.Int";
        }
        if (v instanceof List) {
            return "[]interface {}";
        }
        if (v instanceof Map) {
            return "map[interface {}]interface {}";
        }
        return v.getClass().getSimpleName();
    }

    /** {@code strconv.Quote}: double quotes, Go escapes for non-printable characters. */
    static String quote(String s) {
        return dev.rset.core.gotypes.GoFormat.quote(s);
    }

    private static boolean printable(int c) {
        int type = Character.getType(c);
        return c == ' ' || !(type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.SPACE_SEPARATOR
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR);
    }
}
