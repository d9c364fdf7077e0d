package dev.rset.core.template;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.template.budget.RenderMeter;

/**
 * The {@code call} builtin: calls a function value found in the data. Unlike a direct call, its
 * arguments are checked with Go's {@code prepareArg} (integer kinds convert into each other) and
 * its errors read {@code arg 0: value has type string; should be int}.
 */
final class CallBuiltin {
    private CallBuiltin() {
    }

    /** @param argv the function value, then its arguments */
    static Object call(String name, Object[] argv, RenderMeter meter) throws Exception {
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
        return Values.element(f.call(args, meter));
    }

    /** Go's {@code prepareArg}: like a direct call, except that integer kinds convert into each other. */
    private static Object prepareArg(Object value, ParamType type) {
        if (value == null) {
            if (!ParamTypes.canBeNil(type)) {
                throw new FunctionException("value is nil; should be of type " + type.goName());
            }
            return null;
        }
        if (type == ParamType.INT && value instanceof Long l) {
            return GoInt.of(l);
        }
        if (type == ParamType.INT64 && value instanceof GoInt g) {
            return g.longValue();
        }
        if (!ParamTypes.assignable(value, type)) {
            throw new FunctionException("value has type " + Values.typeName(value) + "; should be " + type.goName());
        }
        return value;
    }
}
