package dev.rset.core.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.gotypes.GoTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A tiny FuncMap covering every parameter type, mirrored one to one by the Go program that
 * produced {@link GoldenCases} (golden_gen.go).
 */
final class TestFuncs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestFuncs() {
    }

    /** JSON decoded the Kubernetes way: integers are int64, other numbers float64. */
    static Object json(String text) {
        try {
            return GoTypes.fromJson(JSON.readValue(text, Object.class));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Go's strings.ToUpper maps rune by rune (ß stays ß), unlike String.toUpperCase. */
    private static String upper(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.toUpperCase(c)));
        return sb.toString();
    }

    static FuncMap forData(Object data) {
        FuncMap f = new FuncMap();
        f.put("inputs", Signature.of(), a -> data);
        f.put("upper", Signature.of(ParamType.STRING), a -> upper((String) a[0]));
        f.put("repeat", Signature.of(ParamType.INT, ParamType.STRING), a -> {
            int n = ((Number) a[0]).intValue();
            if (n < 0) {
                throw new IllegalArgumentException("strings: negative Repeat count"); // Go's panic
            }
            return ((String) a[1]).repeat(n);
        });
        f.put("add64", Signature.of(ParamType.INT64, ParamType.INT64), a -> (Long) a[0] + (Long) a[1]);
        f.put("half", Signature.of(ParamType.FLOAT64), a -> (Double) a[0] / 2);
        f.put("yesno", Signature.of(ParamType.BOOL), a -> (Boolean) a[0] ? "yes" : "no");
        f.put("keys", Signature.of(ParamType.MAP), a -> {
            Map<?, ?> m = (Map<?, ?>) a[0];
            List<String> keys = new ArrayList<>();
            if (m != null) {
                for (Object k : new TreeSet<>(m.keySet())) {
                    keys.add((String) k);
                }
            }
            return GoTypedList.strings(keys);
        });
        f.put("first", Signature.of(ParamType.LIST), a -> {
            List<?> l = (List<?>) a[0];
            return l == null || l.isEmpty() ? null : l.get(0);
        });
        f.put("joinStrs", Signature.of(ParamType.STRING, ParamType.STRING_LIST), a -> {
            List<String> parts = new ArrayList<>();
            for (Object o : a[1] == null ? List.of() : (List<?>) a[1]) { // a nil []string is empty
                parts.add((String) o);
            }
            return String.join((String) a[0], parts);
        });
        f.put("strs", Signature.variadic(ParamType.STRING), a -> new GoTypedList("string", Arrays.asList(a)));
        f.put("list", Signature.variadic(ParamType.ANY), a -> new ArrayList<>(Arrays.asList(a)));
        f.put("fail", Signature.of(ParamType.STRING), a -> {
            throw new FunctionException((String) a[0]);
        });
        f.put("boom", Signature.of(), a -> {
            throw new IllegalStateException("boom");
        });
        f.put("nilf", Signature.of(), a -> null);
        f.put("tail", Signature.variadic(ParamType.STRING, ParamType.STRING), a -> {
            List<String> parts = new ArrayList<>();
            for (int i = 1; i < a.length; i++) {
                parts.add((String) a[i]);
            }
            return String.join((String) a[0], parts);
        });
        return f;
    }
}
