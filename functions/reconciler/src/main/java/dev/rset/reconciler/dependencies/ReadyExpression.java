package dev.rset.reconciler.dependencies;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code dependsOn[].readyExpr}: a CEL expression over the dependency as {@code self} that must
 * give a bool, as the Flux Operator evaluates it. Compiled once; evaluation is thread-safe.
 */
public final class ReadyExpression {
    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .build();

    private final String source;
    private final dev.cel.runtime.CelRuntime.Program program;

    private ReadyExpression(String source, dev.cel.runtime.CelRuntime.Program program) {
        this.source = source;
        this.program = program;
    }

    /** Throws {@link IllegalArgumentException} naming the expression when it does not compile. */
    public static ReadyExpression compile(String source) {
        try {
            CelAbstractSyntaxTree ast = CEL.compile(source).getAst();
            return new ReadyExpression(source, CEL.createProgram(ast));
        } catch (CelValidationException e) {
            throw new IllegalArgumentException("readyExpr \"" + source + "\" does not compile: "
                    + e.getMessage(), e);
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException("readyExpr \"" + source + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Evaluates the expression over {@code object}; throws {@link IllegalArgumentException} when
     * it fails (a missing field without {@code has()}) or gives something other than a bool.
     */
    public boolean test(Map<String, Object> object) {
        Object result;
        try {
            result = program.eval(Map.of("self", celValue(object)));
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException("readyExpr \"" + source + "\" failed: " + e.getMessage(), e);
        }
        if (result instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("readyExpr \"" + source + "\" must evaluate to a bool, got "
                + (result == null ? "null" : result.getClass().getSimpleName() + " " + result));
    }

    public String source() {
        return source;
    }

    /** JSON-shaped values as CEL's Java runtime takes them: integers as long, other numbers as double. */
    static Object celValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), celValue(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(celValue(x)));
            return out;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (v instanceof Float || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        return v == null ? com.google.protobuf.NullValue.NULL_VALUE : v;
    }
}
