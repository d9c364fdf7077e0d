package dev.rset.core.template.sprig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.core.gotypes.GoFormat;
import dev.rset.core.gotypes.GoInt;
import dev.rset.core.template.FuncMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The single-expression {@code tpl-*} cases of the shared conformance corpus, evaluated by
 * chaining the functions as the template pipeline would, on the corpus inputs. Expected values
 * are the rendered text; the corpus shows them after YAML re-parsing (so "yes" there is true).
 */
class ConformanceCasesTest {
    private final FuncMap f = SprigFunctions.hermetic().putAll(FluxFunctions.extras());
    private final Map<String, Object> in = inputs();

    private static Map<String, Object> inputs() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "hello World");
        m.put("n", 3L);
        m.put("f", 2.5);
        m.put("big", 1000000L);
        m.put("b", true);
        m.put("nil", null);
        m.put("num_str", "123");
        m.put("l", new ArrayList<>(List.of("b", "a", "c")));
        Map<String, Object> mm = new LinkedHashMap<>();
        mm.put("z", 1L);
        mm.put("a", "x");
        mm.put("k", new ArrayList<>(List.of(1L, 2L)));
        m.put("m", mm);
        m.put("nested", Map.of("a", Map.of("b", Map.of("c", "deep"))));
        m.put("empty", "");
        m.put("zero", 0L);
        m.put("emptyl", new ArrayList<>());
        m.put("emptym", new LinkedHashMap<>());
        m.put("hash", "a #b");
        m.put("spaces", "  padded  ");
        return m;
    }

    private Object call(String name, Object... args) throws Exception {
        return f.get(name).call(args);
    }

    private String print(Object v) {
        return GoFormat.sprint(v);
    }

    private static GoInt i(long v) {
        return GoInt.of(v);
    }

    @Test
    void defaultsAndEmptiness() throws Exception {
        assertEquals("true-false", print(call("all", in.get("s"), in.get("n"))) + "-"
                + print(call("any", in.get("empty"), in.get("zero"))));
        assertEquals("dflt", call("default", "dflt", in.get("empty")));
        assertEquals("dflt", call("default", "dflt", in.get("nil")));
        assertEquals(false, call("empty", in.get("b")));
        assertEquals(true, call("empty", in.get("emptym")));
        assertEquals(true, call("empty", in.get("zero")));
        assertEquals("yes", call("ternary", "yes", "no", in.get("b")));
    }

    @Test
    void collections() throws Exception {
        assertEquals("b,a,c,d", call("join", ",", call("append", in.get("l"), "d")));
        assertEquals(true, call("deepEqual", in.get("l"), call("list", "b", "a", "c")));
        assertEquals("none", call("dig", "a", "x", "none", in.get("nested")));
        assertEquals("b", call("first", in.get("l")));
        assertEquals("c", call("last", in.get("l")));
        assertEquals("a,b,c", call("join", ",", call("sortAlpha", in.get("l"))));
        assertEquals(true, call("kindIs", "string", in.get("s")));
        assertEquals("\"[a]\"", call("quote", call("compact", call("list", "", "a", i(0)))));
        assertEquals("\"[x map[b:map[c:deep]]]\"", call("quote", call("pluck", "a", in.get("m"), in.get("nested"))));
        assertEquals("a,c", call("join", ",", call("slice", in.get("l"), i(1))));
        assertEquals("\"[]interface {}\"", call("quote", call("typeOf", in.get("l"))));
        assertEquals(1, ((List<?>) call("values", call("dict", "a", i(1)))).size());
        assertEquals("", call("quote", call("first", in.get("emptyl"))), "renders empty, read back as null");
    }

    @Test
    void conversionsAndNumbers() throws Exception {
        assertEquals("1", print(call("int", in.get("b"))));
        assertEquals("2.5", call("toString", in.get("f")));
        assertEquals("\"3\"", call("quote", call("toString", in.get("n"))));
        assertEquals(123L, call("int64", in.get("num_str")));
        assertEquals(6L, call("add", i(1), i(2), i(3)));
        assertEquals("3", print(call("ceil", in.get("f"))));
        assertEquals("2", print(call("floor", in.get("f"))));
        assertEquals(1L, call("mod", i(7), i(3)));
        assertEquals("\"1 2 3\"", call("quote", call("seq", i(3))));
        assertEquals("\"[0 1 2]\"", call("quote", call("until", i(3))));
    }

    @Test
    void strings() throws Exception {
        assertEquals("\"1000000\"", call("quote", in.get("big")));
        assertEquals("\"a #b\"", call("quote", in.get("hash")));
        assertEquals("\"3\"", call("quote", in.get("n")));
        assertEquals("\"hello World\"", call("quote", in.get("s")));
        assertEquals("'hello World'", call("squote", in.get("s")));
        assertEquals("", call("slugify", in.get("empty")));
        assertEquals("padded", call("slugify", in.get("spaces")));
        assertEquals("hello", call("b64dec", "aGVsbG8="));
        assertEquals(true, call("contains", "World", in.get("s")));
        assertEquals(3, ((List<?>) call("regexFindAll", "l", in.get("s"), i(-1))).size());
        assertEquals("hello World", call("regexQuoteMeta", in.get("s")));
        assertEquals("hello Worldhello World", call("repeat", i(2), in.get("s")));
        assertEquals("db4067cec62c58bf8b2f8982071e77c082da9e00924bf3631f3b024fa54e7d7e", call("sha256sum", in.get("s")));
        assertEquals("hello", call("substr", i(0), i(5), in.get("s")));
        assertEquals("hello World", call("trimAll", "l", in.get("s")));
        assertEquals("hell", call("trunc", i(4), in.get("s")));
        assertEquals("1-0-0-rc-0", call("slugify", ">=1.0.0-rc.0"));
        assertEquals("1-0-0", call("slugify", ">=1.0.0"));
    }

    @Test
    void jsonAndYaml() throws Exception {
        assertEquals("\"{\\\"a\\\":\\\"x\\\",\\\"k\\\":[1,2],\\\"z\\\":1}\"",
                call("quote", call("toRawJson", in.get("m"))));
        assertEquals("a: x\n    k:\n    - 1\n    - 2\n    z: 1",
                call("trim", call("nindent", i(4), call("toYaml", in.get("m")))));
        assertEquals("a:\n      b:\n        c: deep",
                call("trim", call("nindent", i(4), call("toYaml", in.get("nested")))));
    }
}
