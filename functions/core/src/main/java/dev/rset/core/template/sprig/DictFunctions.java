package dev.rset.core.template.sprig;

import static dev.rset.core.template.ParamType.ANY;
import static dev.rset.core.template.ParamType.MAP;
import static dev.rset.core.template.ParamType.STRING;

import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.gotypes.GoTypedMap;
import dev.rset.core.gotypes.GoTypes;
import dev.rset.core.template.FuncMap;
import dev.rset.core.template.FunctionException;
import dev.rset.core.template.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * sprig's dict.go. Go iterates maps in random order, so {@code keys} and {@code values} are
 * nondeterministic there; here they follow sorted key order, one of the orders Go can produce.
 */
final class DictFunctions {
    private static final String MAP_TYPE = "map[string]interface {}";

    private DictFunctions() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static void register(FuncMap m) {
        m.put("get", Signature.of(MAP, STRING), a -> map(a[0]).containsKey(a[1]) ? map(a[0]).get(a[1]) : "");
        m.put("set", Signature.of(MAP, STRING, ANY), a -> {
            map(a[0]).put((String) a[1], a[2]);
            return a[0];
        });
        m.put("unset", Signature.of(MAP, STRING), a -> {
            map(a[0]).remove(a[1]);
            return a[0];
        });
        m.put("hasKey", Signature.of(MAP, STRING), a -> map(a[0]).containsKey(a[1]));
        m.put("pluck", Signature.variadic(MAP, STRING), a -> {
            List<Object> out = new ArrayList<>();
            for (int k = 1; k < a.length; k++) {
                if (map(a[k]).containsKey(a[0])) {
                    out.add(map(a[k]).get(a[0]));
                }
            }
            return out;
        });
        m.put("keys", Signature.variadic(MAP), a -> {
            List<String> out = new ArrayList<>();
            for (Object d : a) {
                out.addAll(new TreeMap<>(map(d)).keySet());
            }
            return GoTypedList.strings(out);
        });
        m.put("pick", Signature.variadic(STRING, MAP), a -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int k = 1; k < a.length; k++) {
                if (map(a[0]).containsKey(a[k])) {
                    out.put((String) a[k], map(a[0]).get(a[k]));
                }
            }
            return out;
        });
        m.put("omit", Signature.variadic(STRING, MAP), a -> {
            Map<String, Object> out = new LinkedHashMap<>(map(a[0]));
            out.keySet().removeAll(Arrays.asList(a).subList(1, a.length));
            return out;
        });
        m.put("dict", Signature.variadic(ANY), a -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int k = 0; k < a.length; k += 2) {
                out.put(GoConv.strval(a[k]), k + 1 < a.length ? a[k + 1] : "");
            }
            return out;
        });
        m.put("values", Signature.of(MAP), a -> new ArrayList<>(new TreeMap<>(map(a[0])).values()));
        m.put("dig", Signature.variadic(ANY), DictFunctions::dig);
    }

    /** sprig {@code dig KEY... DEFAULT DICT}, with Go's type-assertion panics as errors. */
    private static Object dig(Object[] a) {
        if (a.length < 3) {
            throw new FunctionException("dig needs at least three arguments");
        }
        Map<String, Object> dict = assertMap(a[a.length - 1]);
        Object def = a[a.length - 2];
        for (int k = 0; k < a.length - 2; k++) {
            if (!(a[k] instanceof String)) {
                throw conversionError(a[k], "string");
            }
        }
        for (int k = 0; ; k++) {
            if (!dict.containsKey(a[k])) {
                return def;
            }
            Object step = dict.get(a[k]);
            if (k == a.length - 3) {
                return step;
            }
            dict = assertMap(step);
        }
    }

    private static Map<String, Object> assertMap(Object v) {
        if (v instanceof Map && !(v instanceof GoTypedMap)) {
            return map(v);
        }
        throw conversionError(v, MAP_TYPE);
    }

    private static FunctionException conversionError(Object v, String want) {
        String have = v == null ? "nil" : GoTypes.typeName(v);
        return new FunctionException("interface conversion: interface {} is " + have + ", not " + want);
    }
}
