package dev.rset.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoKind;
import dev.rset.core.gotypes.GoValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The public API as the ResourceSet builder uses it: parse once, execute per input set. */
class TemplateTest {
    private static final String RESOURCE = """
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: app1-<< inputs.tenant >>
            spec:
              ref:
                semver: << inputs.semver >>
            """;

    /** At parse time "inputs" only has to exist; each execution binds the real input set. */
    private static FuncMap fluxFuncs() {
        return new FuncMap()
                .put("inputs", Signature.of(), a -> null)
                .put("upper", Signature.of(ParamType.STRING), a -> ((String) a[0]).toUpperCase());
    }

    private static FuncMap inputs(Map<String, Object> set) {
        return new FuncMap().put("inputs", Signature.of(), a -> set);
    }

    private static Template flux(String text) {
        return Template.builder("resourceset").delims("<<", ">>").funcs(fluxFuncs()).missingKeyError().parse(text);
    }

    @Test
    void bindingsSupplyTheInputSetPerExecution() {
        Template t = flux(RESOURCE);
        assertEquals(RESOURCE.replace("<< inputs.tenant >>", "team1").replace("<< inputs.semver >>", "1.x"),
                t.execute(null, inputs(Map.of("tenant", "team1", "semver", "1.x"))));
        assertEquals(RESOURCE.replace("<< inputs.tenant >>", "team2").replace("<< inputs.semver >>", "2.x"),
                t.execute(null, inputs(Map.of("tenant", "team2", "semver", "2.x"))));
    }

    /** The Flux Operator's most searched error, with Go's position and context. */
    @Test
    void missingInputIsGosError() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> flux(RESOURCE).execute(null, inputs(Map.of("tenant", "team1"))));
        assertEquals("template: resourceset:7:15: executing \"resourceset\" at <inputs>: "
                + "map has no entry for key \"semver\"", e.getMessage());
        assertEquals(TemplateException.Phase.EXECUTE, e.phase());
    }

    @Test
    void withoutMissingKeyErrorAMissingKeyPrintsNoValue() {
        Template t = Template.builder("t").delims("<<", ">>").funcs(fluxFuncs()).parse("<< inputs.nope >>");
        assertEquals("<no value>", t.execute(null, inputs(Map.of())));
    }

    @Test
    void parseErrorsHaveThePhase() {
        TemplateException e = assertThrows(TemplateException.class, () -> flux("a: << nosuchfunc inputs.s >>"));
        assertEquals("template: resourceset:1: function \"nosuchfunc\" not defined", e.getMessage());
        assertEquals(TemplateException.Phase.PARSE, e.phase());
    }

    @Test
    void partialOutputStaysInTheBuilder() {
        StringBuilder sb = new StringBuilder("prefix|");
        assertThrows(TemplateException.class, () -> flux("a << inputs.x >> b").execute(sb, null, inputs(Map.of())));
        assertEquals("prefix|a ", sb.toString());
    }

    /** Like Template.Funcs in Go, a FuncMap entry wins over a builtin of the same name. */
    @Test
    void funcMapOverridesBuiltins() {
        FuncMap f = new FuncMap().put("len", Signature.of(ParamType.ANY), a -> "mine");
        assertEquals("mine", Template.builder("t").funcs(f).parse("{{len .}}").execute(List.of(), null));
        assertEquals("0", Template.builder("t").parse("{{len .}}").execute(List.of(), null));
    }

    @Test
    void bindingsOverrideFuncs() {
        Template t = Template.builder("t").funcs(fluxFuncs()).parse("{{upper \"a\"}}");
        FuncMap lower = new FuncMap().put("upper", Signature.of(ParamType.STRING), a -> "bound");
        assertEquals("A", t.execute(null, null));
        assertEquals("bound", t.execute(null, lower));
    }

    @Test
    void defaultDelimitersAndDot() {
        Template t = Template.builder("t").parse("{{.a}}-{{index . \"b\"}}");
        assertEquals("1-x", t.execute(Map.of("a", 1L, "b", "x"), null));
    }

    @Test
    void templateNamesListDefinitions() {
        Template t = Template.builder("main").parse("{{define \"a\"}}{{end}}{{block \"b\" .}}{{end}}");
        assertEquals(Set.of("main", "a", "b"), t.templateNames());
        assertEquals("main", t.name());
    }

    @Test
    void optionsAsGo() {
        assertEquals("<no value>", Template.builder("t").option("missingkey=zero").parse("{{.x}}")
                .execute(Map.of(), null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Template.builder("t").option("missingkey=maybe"));
        assertEquals("unrecognized option: missingkey=maybe", e.getMessage());
    }

    /** A function's exception message becomes Go's "error calling" text, whatever its type. */
    @Test
    void functionFailuresAreWrapped() {
        FuncMap f = new FuncMap()
                .put("fails", Signature.of(), a -> {
                    throw new FunctionException("bad input");
                })
                .put("crashes", Signature.of(), a -> {
                    throw new ArithmeticException("/ by zero");
                });
        Template t = Template.builder("t").funcs(f).parse("{{fails}}{{crashes}}");
        assertEquals("template: t:1:2: executing \"t\" at <fails>: error calling fails: bad input",
                assertThrows(TemplateException.class, () -> t.execute(null, null)).getMessage());
        Template c = Template.builder("t").funcs(f).parse("{{crashes}}");
        assertEquals("template: t:1:2: executing \"t\" at <crashes>: error calling crashes: / by zero",
                assertThrows(TemplateException.class, () -> c.execute(null, null)).getMessage());
    }

    /** Literal constants are converted to the parameter type the way Go converts ideal constants. */
    @Test
    void literalsArriveWithTheParameterType() {
        List<Object> seen = new ArrayList<>();
        FuncMap f = new FuncMap()
                .put("take", Signature.of(ParamType.INT, ParamType.INT64, ParamType.FLOAT64, ParamType.ANY,
                        ParamType.ANY, ParamType.ANY), a -> {
                            seen.addAll(List.of(a));
                            return "";
                        });
        Template.builder("t").funcs(f).parse("{{take 1 1 1 1 1.5 \"s\"}}").execute(null, null);
        assertEquals(List.of(GoInt.of(1), 1L, 1.0, GoInt.of(1), 1.5, "s"), seen);
    }

    /** A stand-in for the time.Time values the function library makes. */
    private record FakeTime(String text) implements GoValue {
        @Override
        public String goTypeName() {
            return "time.Time";
        }

        @Override
        public GoKind goKind() {
            return GoKind.STRUCT;
        }

        @Override
        public String goString() {
            return text;
        }
    }

    @Test
    void timeParametersAcceptOnlyTimeValues() {
        FuncMap f = new FuncMap()
                .put("now", Signature.of(), a -> new FakeTime("2024-05-01 00:00:00 +0000 UTC"))
                .put("year", Signature.of(ParamType.TIME), a -> ((FakeTime) a[0]).text().substring(0, 4));
        assertEquals("2024|2024-05-01 00:00:00 +0000 UTC|time.Time",
                Template.builder("t").funcs(f).parse("{{year now}}|{{now}}|{{printf \"%T\" now}}").execute(null, null));
        assertEquals("template: t:1:7: executing \"t\" at <\"x\">: can't handle \"x\" for arg of type time.Time",
                assertThrows(TemplateException.class,
                        () -> Template.builder("t").funcs(f).parse("{{year \"x\"}}").execute(null, null)).getMessage());
        assertEquals("template: t:1:7: executing \"t\" at <nil>: cannot assign nil to time.Time",
                assertThrows(TemplateException.class,
                        () -> Template.builder("t").funcs(f).parse("{{year nil}}").execute(null, null)).getMessage());
        assertEquals("template: t:1:7: executing \"t\" at <.x>: invalid value; expected time.Time",
                assertThrows(TemplateException.class,
                        () -> Template.builder("t").funcs(f).parse("{{year .x}}").execute(Map.of(), null)).getMessage());
        assertEquals("template: t:1:7: executing \"t\" at <.x>: wrong type for value; expected time.Time; got string",
                assertThrows(TemplateException.class, () -> Template.builder("t").funcs(f).parse("{{year .x}}")
                        .execute(Map.of("x", "2024"), null)).getMessage());
    }

    @Test
    void parsedTemplatesAreSafeToShareAcrossThreads() throws Exception {
        Template t = flux("<< range $i, $e := inputs.list >><< $i >>=<< upper $e >>,<< end >>");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String tag = "t" + i;
                results.add(pool.submit(() -> t.execute(null, inputs(Map.of("list", List.of(tag, "x"))))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals("0=T" + i + ",1=X,", results.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Self-recursion fails with Go's depth error, even where the Java stack is shallower. */
    @Test
    void unboundedRecursionIsReportedAsGoDoes() {
        Template t = Template.builder("t").parse("{{define \"T\"}}{{template \"T\" .}}{{end}}{{template \"T\" .}}");
        assertEquals("template: t:1:25: executing \"T\" at <{{template \"T\" .}}>: "
                + "exceeded maximum template depth (100000)",
                assertThrows(TemplateException.class, () -> t.execute(null, null)).getMessage());
    }
}
