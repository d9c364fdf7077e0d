package dev.rset.core.template;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoTypedList;
import java.util.List;
import java.util.Map;

/**
 * The {@code call} builtin: calls a function value found in the data. Unlike a direct call, its
 * arguments are checked with Go's {@code prepareArg} (integer kinds convert into each other) and
 * its errors read {@code arg 0: value has type string; should be int}.
 */
final class CallBuiltin {
    private CallBuiltin() {
    }

    /** @param argv the function value, then its arguments */
    static Object call(String name, Object[] argv) throws Exception {
        Object fn = Values.concrete(argv[0]);
        if (fn == null) {
            throw new FunctionException("call of nil");
        }
        if (!(fn instanceof TemplateFunction f)) {
            throw new FunctionException("non-function " + name + " of type " + Values.typeName(fn));
        }
        Signature sig = f.signature();
        int fixed = sig.params().size();
        int numIn = fixed + (sig.isVariadic() ? 1 : 0);
        int n = argv.length - 1;
        if (sig.isVariadic()) {
            if (n < numIn - 1) {
                throw new FunctionException("wrong number of args for " + name + ": got " + n + " want at least "
                        + (numIn - 1));
            }
        } else if (n != numIn) {
            throw new FunctionException("wrong number of args for " + name + ": got " + n + " want " + numIn);
        }
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            ParamType type = i < fixed ? sig.params().get(i) : sig.variadic();
            try {
                args[i] = prepareArg(Values.concrete(argv[i + 1]), type);
            } catch (FunctionException e) {
                throw new FunctionException("arg " + i + ": " + e.getMessage());
            }
        }
        return Values.element(f.call(args));
    }

    private static Object prepareArg(Object value, ParamType type) {
        if (value == null) {
            if (type != ParamType.ANY && type != ParamType.LIST && type != ParamType.STRING_LIST
                    && type != ParamType.MAP) {
                throw new FunctionException("value is nil; should be of type " + type.goName());
            }
            return null;
        }
        boolean ok = switch (type) {
            case ANY -> true;
            case STRING -> value instanceof String;
            case BOOL -> value instanceof Boolean;
            case INT, INT64 -> value instanceof GoInt || value instanceof Long;
            case FLOAT64 -> value instanceof Double;
            case LIST -> value instanceof List && !(value instanceof GoTypedList);
            case STRING_LIST -> value instanceof GoTypedList t && t.elemType().equals("string");
            case MAP -> value instanceof Map;
            case TIME -> value instanceof dev.rset.core.gotypes.GoValue g && g.goTypeName().equals("time.Time");
        };
        if (!ok) {
            throw new FunctionException("value has type " + Values.typeName(value) + "; should be " + type.goName());
        }
        // Integer kinds convert into each other.
        if (type == ParamType.INT && value instanceof Long l) {
            return GoInt.of(l);
        }
        if (type == ParamType.INT64 && value instanceof GoInt g) {
            return g.longValue();
        }
        return value;
    }
}
