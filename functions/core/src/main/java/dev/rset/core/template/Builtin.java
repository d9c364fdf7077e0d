package dev.rset.core.template;

import dev.rset.core.gotypes.GoFormat;
import dev.rset.core.gotypes.GoInt;
import dev.rset.core.template.budget.RenderBudget;
import dev.rset.core.template.budget.RenderMeter;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.gotypes.GoTypes;
import dev.rset.core.template.Values.GoByte;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's predefined template functions. Most take {@code reflect.Value} parameters in Go
 * ({@link #takesValues()}): their arguments arrive unconverted, nil interfaces included. The
 * executor implements {@code and}, {@code or} and {@code call} itself because they need to
 * short-circuit or see the argument nodes.
 */
final class Builtin implements TemplateFunction {
    enum Kind {
        AND, OR, NOT, LEN, INDEX, SLICE, PRINT, PRINTF, PRINTLN, EQ, NE, LT, LE, GT, GE, HTML, JS, URLQUERY, CALL
    }

    /** All builtins by name. */
    static final Map<String, Builtin> ALL = create();

    private final Kind kind;
    private final Signature signature;
    private final boolean takesValues;

    private Builtin(Kind kind, Signature signature, boolean takesValues) {
        this.kind = kind;
        this.signature = signature;
        this.takesValues = takesValues;
    }

    private static Map<String, Builtin> create() {
        ParamType v = ParamType.ANY; // stands for reflect.Value where takesValues
        Signature valueAndMore = Signature.variadic(v, v);
        Signature oneValue = Signature.of(v);
        Signature twoValues = Signature.of(v, v);
        Signature anys = Signature.variadic(ParamType.ANY);
        Map<String, Builtin> m = new HashMap<>();
        m.put("and", new Builtin(Kind.AND, valueAndMore, true));
        m.put("or", new Builtin(Kind.OR, valueAndMore, true));
        m.put("call", new Builtin(Kind.CALL, valueAndMore, true));
        m.put("not", new Builtin(Kind.NOT, oneValue, true));
        m.put("len", new Builtin(Kind.LEN, oneValue, true));
        m.put("index", new Builtin(Kind.INDEX, valueAndMore, true));
        m.put("slice", new Builtin(Kind.SLICE, valueAndMore, true));
        m.put("eq", new Builtin(Kind.EQ, valueAndMore, true));
        m.put("ne", new Builtin(Kind.NE, twoValues, true));
        m.put("lt", new Builtin(Kind.LT, twoValues, true));
        m.put("le", new Builtin(Kind.LE, twoValues, true));
        m.put("gt", new Builtin(Kind.GT, twoValues, true));
        m.put("ge", new Builtin(Kind.GE, twoValues, true));
        m.put("print", new Builtin(Kind.PRINT, anys, false));
        m.put("println", new Builtin(Kind.PRINTLN, anys, false));
        m.put("printf", new Builtin(Kind.PRINTF, Signature.variadic(ParamType.ANY, ParamType.STRING), false));
        m.put("html", new Builtin(Kind.HTML, anys, false));
        m.put("js", new Builtin(Kind.JS, anys, false));
        m.put("urlquery", new Builtin(Kind.URLQUERY, anys, false));
        return Map.copyOf(m);
    }

    Kind kind() {
        return kind;
    }

    /** Whether the parameters are Go {@code reflect.Value}s rather than {@link #signature()} types. */
    boolean takesValues() {
        return takesValues;
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public Object call(Object[] args) {
        return call(args, RenderMeter.start(RenderBudget.DEFAULT));
    }

    @Override
    public Object call(Object[] args, RenderMeter meter) {
        Object[] rest = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new Object[0];
        return switch (kind) {
            case NOT -> !Values.isTrue(args[0]);
            case LEN -> GoInt.of(length(args[0]));
            case INDEX -> index(args[0], rest);
            case SLICE -> slice(args[0], rest);
            case PRINT -> GoFormat.sprintArgs(meter::value, args);
            case PRINTLN -> GoFormat.sprintln(meter::value, args);
            case PRINTF -> GoFormat.sprintf(meter::value, (String) args[0], rest);
            case EQ -> Comparisons.eq(args[0], rest);
            case NE -> !Comparisons.eq(args[0], rest);
            case LT -> Comparisons.lt(args[0], args[1]);
            case LE -> Comparisons.le(args[0], args[1]);
            case GT -> Comparisons.gt(args[0], args[1]);
            case GE -> Comparisons.ge(args[0], args[1]);
            case HTML -> Escapers.html(Escapers.evalArgs(args));
            case JS -> Escapers.js(Escapers.evalArgs(args));
            case URLQUERY -> Escapers.urlQuery(Escapers.evalArgs(args));
            case AND, OR, CALL -> throw new IllegalStateException(kind + " is evaluated by the executor");
        };
    }

    private static long length(Object item) {
        if (item == Values.NIL_INTERFACE) {
            throw new FunctionException("len of nil pointer");
        }
        if (item == null) {
            // Go asks the type of an invalid reflect.Value and recovers the panic.
            throw new FunctionException("reflect: call of reflect.Value.Type on zero Value");
        }
        if (item instanceof String s) {
            return utf8Length(s);
        }
        if (item instanceof List<?> l) {
            return l.size();
        }
        if (item instanceof Map<?, ?> m) {
            return m.size();
        }
        throw new FunctionException("len of type " + GoTypes.typeName(item));
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** {@code index x 1 2} is {@code x[1][2]}: lists, strings (a byte) and maps. */
    private static Object index(Object item, Object[] indexes) {
        item = Values.concrete(item);
        if (item == null) {
            throw new FunctionException("index of untyped nil");
        }
        for (Object idx : indexes) {
            Object index = Values.concrete(idx);
            if (item == Values.NIL_INTERFACE) {
                throw new FunctionException("index of nil pointer");
            }
            if (item instanceof List<?> l) {
                int x = indexArg(index, l.size());
                if (x == l.size()) {
                    throw new FunctionException("reflect: slice index out of range");
                }
                Object e = l.get(x);
                item = l instanceof GoTypedList ? e : Values.element(e);
            } else if (item instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                int x = indexArg(index, b.length);
                if (x == b.length) {
                    throw new FunctionException("reflect: string index out of range");
                }
                item = new GoByte(b[x] & 0xFF);
            } else if (item instanceof Map<?, ?> m) {
                if (index == null) {
                    throw new FunctionException("value is nil; should be of type string");
                }
                if (!(index instanceof String)) {
                    throw new FunctionException("value has type " + GoTypes.typeName(index) + "; should be string");
                }
                // A missing key yields the zero value of the element type: a nil interface.
                item = Values.element(m.get(index));
            } else {
                throw new FunctionException("can't index item of type " + GoTypes.typeName(item));
            }
        }
        return item;
    }

    /** Go's {@code indexArg}: an integer in [0, cap]. */
    private static int indexArg(Object index, int cap) {
        long x;
        if (index instanceof GoInt || index instanceof Long) {
            x = ((Number) index).longValue();
        } else if (index instanceof GoByte b) {
            x = b.value();
        } else if (index == null) {
            throw new FunctionException("cannot index slice/array with nil");
        } else if (index == Values.NIL_INTERFACE || index instanceof Values.InterfaceValue) {
            throw new FunctionException("cannot index slice/array with type interface {}");
        } else {
            throw new FunctionException("cannot index slice/array with type " + GoTypes.typeName(index));
        }
        if (x < 0 || x > cap) {
            throw new FunctionException("index out of range: " + x);
        }
        return (int) x;
    }

    /** {@code slice x 1 2} is {@code x[1:2]}; strings slice bytes. */
    private static Object slice(Object item, Object[] indexes) {
        item = Values.concrete(item);
        if (item == null) {
            throw new FunctionException("slice of untyped nil");
        }
        if (indexes.length > 3) {
            throw new FunctionException("too many slice indexes: " + indexes.length);
        }
        int len;
        byte[] bytes = null;
        if (item instanceof String s) {
            if (indexes.length == 3) {
                throw new FunctionException("cannot 3-index slice a string");
            }
            bytes = s.getBytes(StandardCharsets.UTF_8);
            len = bytes.length;
        } else if (item instanceof List<?> l) {
            len = l.size();
        } else {
            throw new FunctionException("can't slice item of type " + GoTypes.typeName(item));
        }
        int[] idx = {0, len, 0};
        for (int i = 0; i < indexes.length; i++) {
            idx[i] = indexArg(indexes[i], len); // not unwrapped, unlike index's
        }
        if (idx[0] > idx[1]) {
            throw new FunctionException("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.length == 3 && idx[1] > idx[2]) {
            throw new FunctionException("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (bytes != null) {
            return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
        }
        List<?> l = (List<?>) item;
        List<Object> sub = new ArrayList<>(l.subList(idx[0], idx[1]));
        return l instanceof GoTypedList t ? new GoTypedList(t.elemType(), sub) : sub;
    }
}
