package dev.rset.core.template.sprig;

import static dev.rset.core.template.ParamType.ANY;
import static dev.rset.core.template.ParamType.INT;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.template.FuncMap;
import dev.rset.core.template.FunctionException;
import dev.rset.core.template.Signature;
import dev.rset.core.template.TemplateFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * sprig's list.go. Every function accepts a slice of any element type (sprig uses reflection)
 * and returns a new {@code []interface {}}. The {@code must*} variants return the error that the
 * plain ones panic with; text/template reports both as {@code error calling NAME: ...}, so each
 * pair shares one implementation.
 */
final class ListFunctions {
    private ListFunctions() {
    }

    static void register(FuncMap m) {
        TemplateFunction list = TemplateFunction.of(Signature.variadic(ANY), a -> new ArrayList<>(Arrays.asList(a)));
        m.put("list", list);
        m.put("tuple", list);
        both(m, "append", "mustAppend", Signature.of(ANY, ANY), a -> {
            List<Object> out = copy(a[0], "Cannot push on type %s");
            out.add(a[1]);
            return out;
        });
        // "push" is an alias of "append" in slim-sprig's map and survives the hermetic filter.
        both(m, "push", "mustPush", Signature.of(ANY, ANY), a -> {
            List<Object> out = copy(a[0], "Cannot push on type %s");
            out.add(a[1]);
            return out;
        });
        both(m, "prepend", "mustPrepend", Signature.of(ANY, ANY), a -> {
            List<Object> out = copy(a[0], "Cannot prepend on type %s");
            out.add(0, a[1]);
            return out;
        });
        both(m, "first", "mustFirst", Signature.of(ANY), a -> {
            List<?> l = GoReflect.slice(a[0], "Cannot find first on type %s");
            return l.isEmpty() ? null : l.get(0);
        });
        both(m, "last", "mustLast", Signature.of(ANY), a -> {
            List<?> l = GoReflect.slice(a[0], "Cannot find last on type %s");
            return l.isEmpty() ? null : l.get(l.size() - 1);
        });
        both(m, "rest", "mustRest", Signature.of(ANY), a -> {
            List<Object> l = copy(a[0], "Cannot find rest on type %s");
            return l.isEmpty() ? l : new ArrayList<>(l.subList(1, l.size()));
        });
        both(m, "initial", "mustInitial", Signature.of(ANY), a -> {
            List<Object> l = copy(a[0], "Cannot find initial on type %s");
            return l.isEmpty() ? l : new ArrayList<>(l.subList(0, l.size() - 1));
        });
        both(m, "reverse", "mustReverse", Signature.of(ANY), a -> {
            List<Object> l = copy(a[0], "Cannot find reverse on type %s");
            java.util.Collections.reverse(l);
            return l;
        });
        both(m, "uniq", "mustUniq", Signature.of(ANY), a -> {
            List<Object> out = new ArrayList<>();
            for (Object o : GoReflect.slice(a[0], "Cannot find uniq on type %s")) {
                if (!contains(out, o)) {
                    out.add(o);
                }
            }
            return out;
        });
        both(m, "without", "mustWithout", Signature.variadic(ANY, ANY), a -> {
            List<Object> omit = Arrays.asList(a).subList(1, a.length);
            List<Object> out = new ArrayList<>();
            for (Object o : GoReflect.slice(a[0], "Cannot find without on type %s")) {
                if (!contains(omit, o)) {
                    out.add(o);
                }
            }
            return out;
        });
        both(m, "has", "mustHas", Signature.of(ANY, ANY),
                a -> a[1] != null && contains(GoReflect.slice(a[1], "Cannot find has on type %s"), a[0]));
        both(m, "slice", "mustSlice", Signature.variadic(ANY, ANY), ListFunctions::slice);
        m.put("concat", Signature.variadic(ANY), a -> {
            List<Object> out = new ArrayList<>();
            for (Object o : a) {
                out.addAll(GoReflect.slice(o, "Cannot concat type %s as list"));
            }
            return out;
        });
        both(m, "chunk", "mustChunk", Signature.of(INT, ANY), a -> chunk(((GoInt) a[0]).longValue(), a[1]));
    }

    private static void both(FuncMap m, String name, String mustName, Signature sig, TemplateFunction.Body body) {
        TemplateFunction f = TemplateFunction.of(sig, body);
        m.put(name, f);
        m.put(mustName, f);
    }

    private static List<Object> copy(Object list, String errorFormat) {
        return new ArrayList<>(GoReflect.slice(list, errorFormat));
    }

    private static boolean contains(List<?> haystack, Object needle) {
        for (Object h : haystack) {
            if (GoReflect.deepEqual(needle, h)) {
                return true;
            }
        }
        return false;
    }

    /** sprig {@code slice}: list[start:end] keeping the slice's type; nil for an empty list. */
    private static Object slice(Object[] a) {
        List<?> l = GoReflect.slice(a[0], "list should be type of slice or array but %s");
        if (l.isEmpty()) {
            return null;
        }
        long start = a.length > 1 ? GoConv.toInt64(a[1]) : 0;
        long end = a.length > 2 ? GoConv.toInt64(a[2]) : l.size();
        if (start < 0 || end < start || end > l.size()) {
            throw new FunctionException("reflect.Value.Slice: slice index out of bounds");
        }
        return GoReflect.sameType(l, l.subList((int) start, (int) end));
    }

    /** sprig {@code chunk}, including its float arithmetic for the number of chunks. */
    private static GoTypedList chunk(long size, Object list) {
        List<?> l = GoReflect.slice(list, "Cannot chunk type %s");
        int len = l.size();
        long count = GoConv.goFloatToInt64(Math.floor((len - 1) / (double) size) + 1);
        if (count < 0) {
            throw new FunctionException("runtime error: makeslice: len out of range");
        }
        GoTypedList out = new GoTypedList("[]interface {}");
        for (long c = 0; c < count; c++) {
            long clen = size;
            if (c == count - 1) {
                clen = (long) Math.floor(len % (double) size);
                if (clen == 0) {
                    clen = size;
                }
            }
            out.add(new ArrayList<>(l.subList((int) (c * size), (int) (c * size + clen))));
        }
        return out;
    }
}
