package dev.rset.core.template.sprig;

import dev.rset.core.template.FuncMap;
import dev.rset.core.template.FunctionException;
import dev.rset.core.template.ParamType;
import dev.rset.core.template.Signature;
import java.time.Clock;

/**
 * slim-sprig v3.0.0's {@code HermeticTxtFuncMap()}: its whole function map minus the
 * nonhermetic names ({@code date}, {@code now}, {@code env}, {@code randAlpha}, {@code uuidv4},
 * ...). That leaves {@code push}/{@code mustPush}, aliases of {@code append}/{@code mustAppend},
 * which the usual lists of the set omit. In text/template a FuncMap entry shadows a builtin of
 * the same name, so sprig's {@code slice} is the one templates get.
 */
public final class SprigFunctions {
    private SprigFunctions() {
    }

    public static FuncMap hermetic() {
        return hermetic(Clock.systemUTC());
    }

    /** The same set, with {@code ago} and {@code durationRound} reading {@code clock}. */
    public static FuncMap hermetic(Clock clock) {
        FuncMap m = new FuncMap();
        StringFunctions.register(m);
        NumericFunctions.register(m);
        DefaultFunctions.register(m);
        ListFunctions.register(m);
        DictFunctions.register(m);
        RegexFunctions.register(m);
        EncodingFunctions.register(m);
        PathFunctions.register(m);
        UrlFunctions.register(m);
        DateFunctions.register(m, clock);
        m.put("fail", Signature.of(ParamType.STRING), a -> {
            throw new FunctionException((String) a[0]);
        });
        return m;
    }
}
