package dev.rset.core.template.sprig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.core.gotypes.GoFormat;
import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.gotypes.GoTypes;
import dev.rset.core.template.FuncMap;
import dev.rset.core.template.FunctionException;
import dev.rset.core.template.TemplateFunction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Calls every function of the hermetic set (plus slugify) with the arguments of
 * {@link GoOracleTable} and compares the Go type, the {@code %v} rendering and the error text with
 * what real Go produced.
 */
class SprigFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FuncMap functions = SprigFunctions.hermetic().putAll(FluxFunctions.extras());

    @TestFactory
    Stream<DynamicTest> matchesGo() {
        return GoOracleTable.LINES.lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(line -> DynamicTest.dynamicTest(line.replace('\t', ' '), () -> check(line)));
    }

    private void check(String line) throws Exception {
        String[] sides = line.split("\t=>\t");
        String[] call = sides[0].split("\t");
        TemplateFunction f = functions.get(call[0]);
        assertNotNull(f, call[0]);
        List<Object> args = new ArrayList<>();
        for (int i = 1; i < call.length; i++) {
            args.add(arg(call[i]));
        }
        assertEquals(GoQuote.unquote(sides[1]), run(f, args.toArray()));
    }

    static String run(TemplateFunction f, Object[] args) throws Exception {
        try {
            Object r = f.call(args);
            return GoTypes.typeName(r) + "|" + GoFormat.sprint(r);
        } catch (FunctionException e) {
            return "ERR|" + e.getMessage();
        }
    }

    /** Decodes one argument in the table's notation into the Java value standing for it. */
    static Object arg(String a) throws Exception {
        switch (a) {
            case "nil":
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                break;
        }
        if (a.startsWith("\"")) {
            return GoQuote.unquote(a);
        }
        String v = a.substring(a.indexOf(':') + 1);
        switch (a.substring(0, a.indexOf(':'))) {
            case "i":
                return GoInt.of(Long.parseLong(v));
            case "I":
                return Long.parseLong(v);
            case "f":
                return Double.parseDouble(v);
            case "j":
                return GoTypes.fromJson(JSON.readValue(v, Object.class));
            case "ss":
                return new GoTypedList("string", JSON.readValue(v, List.class));
            case "is": {
                GoTypedList out = new GoTypedList("int");
                for (Object o : JSON.readValue(v, List.class)) {
                    out.add(GoInt.of(((Number) o).longValue()));
                }
                return out;
            }
            case "t":
                return GoTime.ofInstant(Instant.parse(v));
            default:
                throw new IllegalArgumentException(a);
        }
    }
}
