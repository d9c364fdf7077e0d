package dev.rset.core.template.sprig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.core.template.FuncMap;
import dev.rset.core.template.ParamType;
import dev.rset.core.template.Signature;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The function set and each function's parameter list, against Go's reflection of the Flux
 * Operator's FuncMap: slim-sprig v3.0.0 {@code HermeticTxtFuncMap()} plus slugify, toYaml and
 * mustToYaml ({@code reflect.TypeOf(fn).String()} per name).
 */
class FunctionSetTest {
    private static final String GO_SIGNATURES = """
            add func(...interface {}) int64
            add1 func(interface {}) int64
            adler32sum func(string) string
            ago func(interface {}) string
            all func(...interface {}) bool
            any func(...interface {}) bool
            append func(interface {}, interface {}) []interface {}
            atoi func(string) int
            b32dec func(string) string
            b32enc func(string) string
            b64dec func(string) string
            b64enc func(string) string
            base func(string) string
            biggest func(interface {}, ...interface {}) int64
            cat func(...interface {}) string
            ceil func(interface {}) float64
            chunk func(int, interface {}) [][]interface {}
            clean func(string) string
            coalesce func(...interface {}) interface {}
            compact func(interface {}) []interface {}
            concat func(...interface {}) interface {}
            contains func(string, string) bool
            deepEqual func(interface {}, interface {}) bool
            default func(interface {}, ...interface {}) interface {}
            dict func(...interface {}) map[string]interface {}
            dig func(...interface {}) (interface {}, error)
            dir func(string) string
            div func(interface {}, interface {}) int64
            duration func(interface {}) string
            durationRound func(interface {}) string
            empty func(interface {}) bool
            ext func(string) string
            fail func(string) (string, error)
            first func(interface {}) interface {}
            float64 func(interface {}) float64
            floor func(interface {}) float64
            fromJson func(string) interface {}
            get func(map[string]interface {}, string) interface {}
            has func(interface {}, interface {}) bool
            hasKey func(map[string]interface {}, string) bool
            hasPrefix func(string, string) bool
            hasSuffix func(string, string) bool
            hello func() string
            indent func(int, string) string
            initial func(interface {}) []interface {}
            int func(interface {}) int
            int64 func(interface {}) int64
            isAbs func(string) bool
            join func(string, interface {}) string
            keys func(...map[string]interface {}) []string
            kindIs func(string, interface {}) bool
            kindOf func(interface {}) string
            last func(interface {}) interface {}
            list func(...interface {}) []interface {}
            lower func(string) string
            max func(interface {}, ...interface {}) int64
            maxf func(interface {}, ...interface {}) float64
            min func(interface {}, ...interface {}) int64
            minf func(interface {}, ...interface {}) float64
            mod func(interface {}, interface {}) int64
            mul func(interface {}, ...interface {}) int64
            mustAppend func(interface {}, interface {}) ([]interface {}, error)
            mustChunk func(int, interface {}) ([][]interface {}, error)
            mustCompact func(interface {}) ([]interface {}, error)
            mustDateModify func(string, time.Time) (time.Time, error)
            mustFirst func(interface {}) (interface {}, error)
            mustFromJson func(string) (interface {}, error)
            mustHas func(interface {}, interface {}) (bool, error)
            mustInitial func(interface {}) ([]interface {}, error)
            mustLast func(interface {}) (interface {}, error)
            mustPrepend func(interface {}, interface {}) ([]interface {}, error)
            mustPush func(interface {}, interface {}) ([]interface {}, error)
            mustRegexFind func(string, string) (string, error)
            mustRegexFindAll func(string, string, int) ([]string, error)
            mustRegexMatch func(string, string) (bool, error)
            mustRegexReplaceAll func(string, string, string) (string, error)
            mustRegexReplaceAllLiteral func(string, string, string) (string, error)
            mustRegexSplit func(string, string, int) ([]string, error)
            mustRest func(interface {}) ([]interface {}, error)
            mustReverse func(interface {}) ([]interface {}, error)
            mustSlice func(interface {}, ...interface {}) (interface {}, error)
            mustToDate func(string, string) (time.Time, error)
            mustToJson func(interface {}) (string, error)
            mustToPrettyJson func(interface {}) (string, error)
            mustToRawJson func(interface {}) (string, error)
            mustUniq func(interface {}) ([]interface {}, error)
            mustWithout func(interface {}, ...interface {}) ([]interface {}, error)
            must_date_modify func(string, time.Time) (time.Time, error)
            nindent func(int, string) string
            omit func(map[string]interface {}, ...string) map[string]interface {}
            osBase func(string) string
            osClean func(string) string
            osDir func(string) string
            osExt func(string) string
            osIsAbs func(string) bool
            pick func(map[string]interface {}, ...string) map[string]interface {}
            pluck func(string, ...map[string]interface {}) []interface {}
            plural func(string, string, int) string
            prepend func(interface {}, interface {}) []interface {}
            push func(interface {}, interface {}) []interface {}
            quote func(...interface {}) string
            randInt func(int, int) int
            regexFind func(string, string) string
            regexFindAll func(string, string, int) []string
            regexMatch func(string, string) bool
            regexQuoteMeta func(string) string
            regexReplaceAll func(string, string, string) string
            regexReplaceAllLiteral func(string, string, string) string
            regexSplit func(string, string, int) []string
            repeat func(int, string) string
            replace func(string, string, string) string
            rest func(interface {}) []interface {}
            reverse func(interface {}) []interface {}
            round func(interface {}, int, ...float64) float64
            seq func(...int) string
            set func(map[string]interface {}, string, interface {}) map[string]interface {}
            sha1sum func(string) string
            sha256sum func(string) string
            slice func(interface {}, ...interface {}) interface {}
            slugify func(string) string
            sortAlpha func(interface {}) []string
            split func(string, string) map[string]string
            splitList func(string, string) []string
            splitn func(string, int, string) map[string]string
            squote func(...interface {}) string
            sub func(interface {}, interface {}) int64
            substr func(int, int, string) string
            ternary func(interface {}, interface {}, bool) interface {}
            title func(string) string
            toDate func(string, string) time.Time
            toDecimal func(interface {}) int64
            toJson func(interface {}) string
            toPrettyJson func(interface {}) string
            toRawJson func(interface {}) string
            toString func(interface {}) string
            toStrings func(interface {}) []string
            trim func(string) string
            trimAll func(string, string) string
            trimPrefix func(string, string) string
            trimSuffix func(string, string) string
            trimall func(string, string) string
            trunc func(int, string) string
            tuple func(...interface {}) []interface {}
            typeIs func(string, interface {}) bool
            typeIsLike func(string, interface {}) bool
            typeOf func(interface {}) string
            uniq func(interface {}) []interface {}
            unixEpoch func(time.Time) string
            unset func(map[string]interface {}, string) map[string]interface {}
            until func(int) []int
            untilStep func(int, int, int) []int
            upper func(string) string
            urlJoin func(map[string]interface {}) string
            urlParse func(string) map[string]interface {}
            values func(map[string]interface {}) []interface {}
            without func(interface {}, ...interface {}) []interface {}
            toYaml func(interface {}) string
            mustToYaml func(interface {}) (string, error)
            """;

    private static Map<String, String> goParams() {
        return GO_SIGNATURES.lines().filter(l -> !l.isBlank()).collect(Collectors.toMap(
                l -> l.substring(0, l.indexOf(' ')),
                l -> paramsOf(l.substring(l.indexOf(' ') + 1)), (a, b) -> a, TreeMap::new));
    }

    /** The parameter list of a Go func type string: "func(int, string) string" gives "int, string". */
    private static String paramsOf(String funcType) {
        return funcType.substring("func(".length(), funcType.indexOf(')'));
    }

    private static String javaParams(Signature s) {
        String fixed = s.params().stream().map(ParamType::goName).collect(Collectors.joining(", "));
        if (!s.isVariadic()) {
            return fixed;
        }
        String rest = "..." + (s.variadic() == ParamType.MAP ? "map[string]interface {}" : s.variadic().goName());
        return fixed.isEmpty() ? rest : fixed + ", " + rest;
    }

    @Test
    void hasExactlyTheFluxOperatorFunctions() {
        FuncMap all = SprigFunctions.hermetic().putAll(FluxFunctions.extras());
        assertEquals(goParams().keySet(), new java.util.TreeSet<>(all.names()));
    }

    @Test
    void declaresGoParameterTypes() {
        FuncMap all = SprigFunctions.hermetic().putAll(FluxFunctions.extras());
        Map<String, String> java = new TreeMap<>();
        for (String name : all.names()) {
            java.put(name, javaParams(all.get(name).signature()));
        }
        assertEquals(goParams(), java);
    }

    @Test
    void leavesOutNonHermeticAndNonSlimFunctions() {
        FuncMap m = SprigFunctions.hermetic();
        for (String absent : new String[] {"now", "date", "dateModify", "date_modify", "env", "expandenv",
            "uuidv4", "randAlpha", "merge", "semver", "semverCompare", "untitle", "abbrev", "osAbs",
            "getHostByName", "htmlDate"}) {
            assertEquals(false, m.contains(absent), absent);
        }
    }
}
