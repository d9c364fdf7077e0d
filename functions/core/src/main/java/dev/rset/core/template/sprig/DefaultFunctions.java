package dev.rset.core.template.sprig;

import static dev.rset.core.template.ParamType.ANY;
import static dev.rset.core.template.ParamType.BOOL;
import static dev.rset.core.template.ParamType.STRING;

import dev.rset.core.gotypes.GoTypes;
import dev.rset.core.template.FuncMap;
import dev.rset.core.template.FunctionException;
import dev.rset.core.template.Signature;
import dev.rset.core.yaml.GoJson;
import dev.rset.core.yaml.GoJsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** sprig's defaults.go and reflect.go: emptiness, defaults, JSON, ternary, type inspection. */
final class DefaultFunctions {
    private DefaultFunctions() {
    }

    static void register(FuncMap m) {
        m.put("default", Signature.variadic(ANY, ANY),
                a -> a.length < 2 || GoReflect.empty(a[1]) ? a[0] : a[1]);
        m.put("empty", Signature.of(ANY), a -> GoReflect.empty(a[0]));
        m.put("coalesce", Signature.variadic(ANY), a -> {
            for (Object o : a) {
                if (!GoReflect.empty(o)) {
                    return o;
                }
            }
            return null;
        });
        m.put("all", Signature.variadic(ANY), a -> {
            for (Object o : a) {
                if (GoReflect.empty(o)) {
                    return false;
                }
            }
            return true;
        });
        m.put("any", Signature.variadic(ANY), a -> {
            for (Object o : a) {
                if (!GoReflect.empty(o)) {
                    return true;
                }
            }
            return false;
        });
        m.put("compact", Signature.of(ANY), a -> compact(a[0]));
        m.put("mustCompact", Signature.of(ANY), a -> compact(a[0]));
        m.put("ternary", Signature.of(ANY, ANY, BOOL), a -> (Boolean) a[2] ? a[0] : a[1]);

        // Errors of the non-must variants are dropped, except toRawJson which panics in sprig.
        m.put("fromJson", Signature.of(STRING), a -> orNull(() -> GoJson.unmarshal((String) a[0])));
        m.put("mustFromJson", Signature.of(STRING), a -> json(() -> GoJson.unmarshal((String) a[0])));
        m.put("toJson", Signature.of(ANY), a -> orEmpty(() -> GoJson.marshal(a[0], true)));
        m.put("mustToJson", Signature.of(ANY), a -> json(() -> GoJson.marshal(a[0], true)));
        m.put("toPrettyJson", Signature.of(ANY), a -> orEmpty(() -> GoJson.marshalIndent(a[0], "  ")));
        m.put("mustToPrettyJson", Signature.of(ANY), a -> json(() -> GoJson.marshalIndent(a[0], "  ")));
        m.put("toRawJson", Signature.of(ANY), a -> json(() -> GoJson.marshal(a[0], false)));
        m.put("mustToRawJson", Signature.of(ANY), a -> json(() -> GoJson.marshal(a[0], false)));

        m.put("typeOf", Signature.of(ANY), a -> GoTypes.typeName(a[0]));
        m.put("typeIs", Signature.of(STRING, ANY), a -> a[0].equals(GoTypes.typeName(a[1])));
        m.put("typeIsLike", Signature.of(STRING, ANY), a -> {
            String t = GoTypes.typeName(a[1]);
            return a[0].equals(t) || ("*" + a[0]).equals(t);
        });
        m.put("kindOf", Signature.of(ANY), a -> GoTypes.kind(a[0]).goName());
        m.put("kindIs", Signature.of(STRING, ANY), a -> a[0].equals(GoTypes.kind(a[1]).goName()));
        m.put("deepEqual", Signature.of(ANY, ANY), a -> GoReflect.deepEqual(a[0], a[1]));
    }

    /** sprig {@code compact}: the non-empty elements, as a {@code []interface {}}. */
    static List<Object> compact(Object list) {
        List<Object> out = new ArrayList<>();
        for (Object o : GoReflect.slice(list, "Cannot compact on type %s")) {
            if (!GoReflect.empty(o)) {
                out.add(o);
            }
        }
        return out;
    }

    private static Object orNull(Supplier<Object> f) {
        try {
            return f.get();
        } catch (GoJsonException goError) {
            return null;
        }
    }

    private static Object orEmpty(Supplier<Object> f) {
        try {
            return f.get();
        } catch (GoJsonException goError) {
            return "";
        }
    }

    /** Runs a GoJson call, reporting its failure with Go's error text as the function's error. */
    private static Object json(Supplier<Object> f) {
        try {
            return f.get();
        } catch (GoJsonException goError) {
            throw new FunctionException(goError.getMessage());
        }
    }
}
