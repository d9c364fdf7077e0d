//go:build ignore

// Generates the golden test data of the template engine from real Go text/template and fmt.
//
//	GOTOOLCHAIN=go1.24.11 go run golden_gen.go > GoldenCases.java
//	GOTOOLCHAIN=go1.24.11 go run golden_gen.go fmt > GoldenFmtCases.java
//	GOTOOLCHAIN=go1.24.11 go run golden_gen.go float > ../gotypes/GoldenFloatCases.java
//	GOTOOLCHAIN=go1.24.11 go run golden_gen.go fuzz > GoldenFuzzCases.java
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"
)

// Case is one template to run against real Go.
type Case struct {
	Name  string
	Tpl   string
	Data  string // JSON; "" means the default data
	Mode  string // "", "error", "zero"
	Delim bool   // use << >> delimiters
}

const defaultData = `{"s":"hello World","n":3,"f":2.5,"big":1000000,"neg":-4,"b":true,"nil":null,"num_str":"123",` +
	`"l":["b","a","c"],"nums":[3,1,2],"m":{"z":1,"a":"x","k":[1,2]},"nested":{"a":{"b":{"c":"deep"}}},` +
	`"empty":"","zero":0,"emptyl":[],"emptym":{},"uni":"Ünïcödé Straße café","multi":"line1\nline2",` +
	`"lnil":[null,"x"],"fl":1e21,"small":0.0001,"e6":1e6,"pct":"100%"}`

func decode(s string) any {
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		panic(err)
	}
	return convert(v)
}

func convert(v any) any {
	switch t := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			return i
		}
		f, _ := strconv.ParseFloat(string(t), 64)
		return f
	case map[string]any:
		for k, e := range t {
			t[k] = convert(e)
		}
		return t
	case []any:
		for i, e := range t {
			t[i] = convert(e)
		}
		return t
	}
	return v
}

func funcs(data any) template.FuncMap {
	return template.FuncMap{
		"inputs": func() any { return data },
		"upper":  strings.ToUpper,
		"repeat": func(n int, s string) string { return strings.Repeat(s, n) },
		"add64":  func(a, b int64) int64 { return a + b },
		"half":   func(f float64) float64 { return f / 2 },
		"yesno": func(b bool) string {
			if b {
				return "yes"
			}
			return "no"
		},
		"keys": func(m map[string]any) []string {
			ks := []string{}
			for k := range m {
				ks = append(ks, k)
			}
			sort.Strings(ks)
			return ks
		},
		"first": func(l []any) any {
			if len(l) == 0 {
				return nil
			}
			return l[0]
		},
		"joinStrs": func(sep string, l []string) string { return strings.Join(l, sep) },
		"strs":     func(a ...string) []string { return a },
		"list":     func(a ...any) []any { return a },
		"fail":     func(msg string) (string, error) { return "", errors.New(msg) },
		"boom":     func() string { panic("boom") },
		"nilf":     func() any { return nil },
		"tail":     func(sep string, parts ...string) string { return strings.Join(parts, sep) },
	}
}

func run(c Case) (out string, errText string) {
	dataText := c.Data
	if dataText == "" {
		dataText = defaultData
	}
	data := decode(dataText)
	t := template.New("t").Funcs(funcs(data))
	if c.Delim {
		t = t.Delims("<<", ">>")
	}
	if c.Mode != "" {
		t = t.Option("missingkey=" + c.Mode)
	}
	defer func() {
		if r := recover(); r != nil {
			errText = fmt.Sprintf("PANIC: %v", r)
		}
	}()
	t, err := t.Parse(c.Tpl)
	if err != nil {
		return "", err.Error()
	}
	var b bytes.Buffer
	err = t.Execute(&b, data)
	if err != nil {
		return b.String(), err.Error()
	}
	return b.String(), ""
}

func javaString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r >= 0x7f:
			if r == utf8.RuneError {
				b.WriteString(`\ufffd`)
			} else if r > 0xFFFF {
				r1, r2 := (r-0x10000)>>10+0xD800, (r-0x10000)&0x3FF+0xDC00
				fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "fmt" {
		fmtMain()
	}
	if len(os.Args) > 1 && os.Args[1] == "fuzz" {
		fuzzMain()
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "float" {
		floatMain()
		return
	}
	var sb strings.Builder
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.Name] {
			fmt.Fprintln(os.Stderr, "duplicate case name:", c.Name)
			os.Exit(1)
		}
		seen[c.Name] = true
		out, errText := run(c)
		fmt.Fprintf(&sb, "            c(%s, %s, %s, %s, %v, %s, %s),\n", javaString(c.Name), javaString(c.Tpl),
			javaString(c.Data), javaString(c.Mode), c.Delim, javaString(out), javaString(errText))
	}
	s := sb.String()
	s = strings.TrimSuffix(s, ",\n") + "\n"
	fmt.Print(header)
	fmt.Printf("    static final String DEFAULT_DATA = %s;\n\n", javaString(defaultData))
	fmt.Print("    static final List<Case> ALL = List.of(\n")
	os.Stdout.WriteString(s)
	fmt.Print("    );\n\n")
	fmt.Print(footer)
}

const header = `package dev.rset.core.template;

import java.util.List;

/**
 * Expected results produced by real Go 1.24 text/template (GENERATED by golden_gen.go in this
 * directory: do not edit by hand; add cases there and regenerate with
 * {@code GOTOOLCHAIN=go1.24.11 go run golden_gen.go > GoldenCases.java}).
 * Each case runs with the functions of {@link TestFuncs}, dot and {@code inputs} both set to the
 * data ({@link #DEFAULT_DATA} when empty), template name "t".
 */
final class GoldenCases {
    /**
     * @param mode "", "error" or "zero": the missingkey option
     * @param delims whether the delimiters are {@code << >>}
     * @param out expected output (partial output when there is an error)
     * @param err expected error text, empty when execution succeeds
     */
    record Case(String name, String tpl, String data, String mode, boolean delims, String out, String err) {
        @Override
        public String toString() {
            return name;
        }
    }

    private GoldenCases() {
    }

`

const footer = `    private static Case c(String name, String tpl, String data, String mode, boolean delims, String out,
            String err) {
        return new Case(name, tpl, data, mode, delims, out, err);
    }
}
`

var cases = []Case{
	// ---- text and printing ----
	{Name: "text/plain", Tpl: "hello"},
	{Name: "text/empty", Tpl: ""},
	{Name: "print/string", Tpl: "{{.s}}"},
	{Name: "print/int64", Tpl: "{{.n}}|{{.big}}|{{.neg}}"},
	{Name: "print/float", Tpl: "{{.f}}|{{.fl}}|{{.small}}|{{.e6}}"},
	{Name: "print/bool", Tpl: "{{.b}}"},
	{Name: "print/nil-entry", Tpl: "{{.nil}}"},
	{Name: "print/list", Tpl: "{{.l}}|{{.nums}}|{{.lnil}}|{{.emptyl}}"},
	{Name: "print/map", Tpl: "{{.m}}|{{.emptym}}|{{.nested}}"},
	{Name: "print/dot", Tpl: "{{.m.k}}"},
	{Name: "print/literals", Tpl: "{{1}}|{{1.5}}|{{1e3}}|{{0x1F}}|{{'a'}}|{{true}}|{{\"s\"}}|{{`raw`}}|{{-7}}|{{+3}}|{{1_000}}|{{0o17}}|{{0b101}}|{{017}}"},
	{Name: "print/literal-floats", Tpl: "{{1.0}}|{{.5}}|{{1e21}}|{{1e20}}|{{0x1p-2}}|{{1e-400}}|{{123456789.0}}"},
	{Name: "print/imaginary", Tpl: "{{2i}}|{{0i}}|{{1+2i}}"},
	{Name: "print/unicode", Tpl: "{{.uni}}|{{\"\\u00e9\\x41\"}}"},
	{Name: "print/no-value-missing", Tpl: "{{.missing}}"},
	{Name: "print/nilf", Tpl: "{{nilf}}"},
	{Name: "print/dollar", Tpl: "{{$.s}}|{{$.n}}"},
	{Name: "print/typed-list", Tpl: "{{strs \"a\" \"b\"}}|{{keys .m}}"},
	{Name: "print/nil-data", Tpl: "{{.}}|{{$}}", Data: "null"},

	// ---- trim markers and comments ----
	{Name: "trim/both", Tpl: "a  \n {{- .s -}} \n  b"},
	{Name: "trim/left", Tpl: "a  \n {{- .s }} \n  b"},
	{Name: "trim/right", Tpl: "a  \n {{ .s -}} \n  b"},
	{Name: "trim/needs-space", Tpl: "{{-3}}|{{ -3 }}"},
	{Name: "trim/tab-newline", Tpl: "x\t\n{{-\t.n\t-}}\n\ty"},
	{Name: "trim/delims", Tpl: "a \n<<- .s ->> \nb", Delim: true},
	{Name: "trim/empty-action-lines", Tpl: "l1\n{{- if true }}\nl2\n{{- end }}\nl3"},
	{Name: "comment/plain", Tpl: "a{{/* c */}}b"},
	{Name: "comment/trim", Tpl: "a \n{{- /* c */ -}}\n b"},
	{Name: "comment/multiline", Tpl: "a{{/* line1\nline2 */}}b{{.n}}"},
	{Name: "comment/delims", Tpl: "x<</* c */>>y", Delim: true},
	{Name: "comment/unclosed", Tpl: "a{{/* c }}"},
	{Name: "comment/before-delim", Tpl: "a{{/* c */ x}}"},

	// ---- variables ----
	{Name: "var/declare", Tpl: "{{$x := .s}}{{$x}}"},
	{Name: "var/assign", Tpl: "{{$x := 1}}{{$x = 2}}{{$x}}"},
	{Name: "var/scope-if", Tpl: "{{$x := \"out\"}}{{if true}}{{$x := \"in\"}}{{$x}}{{end}}{{$x}}"},
	{Name: "var/assign-in-if", Tpl: "{{$x := \"out\"}}{{if true}}{{$x = \"in\"}}{{end}}{{$x}}"},
	{Name: "var/scope-range", Tpl: "{{$v := \"init\"}}{{range .l}}{{$v = .}}{{end}}{{$v}}"},
	{Name: "var/undefined", Tpl: "{{$x}}"},
	{Name: "var/out-of-scope", Tpl: "{{if true}}{{$y := 1}}{{end}}{{$y}}"},
	{Name: "var/dollar-in-range", Tpl: "{{range .l}}{{$.s}}{{end}}"},
	{Name: "var/field-chain", Tpl: "{{$m := .nested}}{{$m.a.b.c}}"},
	{Name: "var/assign-undeclared", Tpl: "{{$x = 1}}{{$x}}"},
	{Name: "var/in-paren", Tpl: "{{print ($x := 5) $x}}"},
	{Name: "var/two-decl", Tpl: "{{$a, $b := 1}}"},
	{Name: "var/not-a-function", Tpl: "{{$x := 1}}{{$x 2}}"},
	{Name: "var/pipe-into-var", Tpl: "{{$x := 1}}{{2 | $x}}"},
	{Name: "var/with-scope", Tpl: "{{with $x := .s}}{{$x}}{{end}}"},
	{Name: "var/template-no-dynamic-scope", Tpl: "{{define \"t\"}}{{$x}}{{end}}{{$x := 1}}{{template \"t\"}}"},

	// ---- if ----
	{Name: "if/true", Tpl: "{{if .b}}yes{{end}}"},
	{Name: "if/else", Tpl: "{{if .empty}}yes{{else}}no{{end}}"},
	{Name: "if/else-if", Tpl: "{{if .empty}}a{{else if .zero}}b{{else if .n}}c{{else}}d{{end}}"},
	{Name: "if/truth-table", Tpl: "{{if 0}}1{{end}}{{if 0.0}}2{{end}}{{if \"\"}}3{{end}}{{if .emptyl}}4{{end}}{{if .emptym}}5{{end}}{{if .nil}}6{{end}}{{if .missing}}7{{end}}{{if false}}8{{end}}{{if .l}}9{{end}}{{if .m}}A{{end}}{{if 1}}B{{end}}{{if .neg}}C{{end}}{{if \" \"}}D{{end}}"},
	{Name: "if/nil-literal", Tpl: "{{if nil}}x{{end}}"},
	{Name: "if/missing-error-mode", Tpl: "{{if .missing}}x{{end}}", Mode: "error"},

	// ---- range ----
	{Name: "range/list", Tpl: "{{range .l}}[{{.}}]{{end}}"},
	{Name: "range/index-value", Tpl: "{{range $i, $v := .l}}{{$i}}={{$v}},{{end}}"},
	{Name: "range/value-only", Tpl: "{{range $v := .l}}{{$v}}{{end}}"},
	{Name: "range/map-sorted", Tpl: "{{range $k, $v := .m}}{{$k}}:{{$v}};{{end}}"},
	{Name: "range/map-dot", Tpl: "{{range .m}}<{{.}}>{{end}}"},
	{Name: "range/int", Tpl: "{{range 3}}{{.}}{{end}}|{{range $i := 2}}{{$i}}{{end}}|{{range 0}}x{{else}}none{{end}}|{{range -2}}x{{else}}neg{{end}}"},
	{Name: "range/int64", Tpl: "{{range .n}}{{.}}{{end}}"},
	{Name: "range/int-two-vars", Tpl: "{{range $i, $v := 3}}{{end}}"},
	{Name: "range/else", Tpl: "{{range .emptyl}}x{{else}}empty{{end}}|{{range .emptym}}x{{else}}empty{{end}}|{{range .missing}}x{{else}}nil{{end}}"},
	{Name: "range/break", Tpl: "{{range .nums}}{{if eq . 1}}{{break}}{{end}}{{.}}{{end}}"},
	{Name: "range/continue", Tpl: "{{range .nums}}{{if eq . 1}}{{continue}}{{end}}{{.}}{{end}}"},
	{Name: "range/nested-break", Tpl: "{{range .l}}{{range $.nums}}{{if eq . 1}}{{break}}{{end}}{{.}}{{end}};{{end}}"},
	{Name: "range/string", Tpl: "{{range .s}}x{{end}}"},
	{Name: "range/bool", Tpl: "{{range true}}x{{end}}"},
	{Name: "range/assign", Tpl: "{{$i := 0}}{{$v := 0}}{{range $i, $v = .l}}{{end}}{{$i}}{{$v}}"},
	{Name: "range/assign-one", Tpl: "{{$v := 0}}{{range $v = .l}}{{end}}{{$v}}"},
	{Name: "range/nil-elements", Tpl: "{{range .lnil}}[{{.}}]{{end}}"},
	{Name: "range/field-of-nil-element", Tpl: "{{range .lnil}}{{.x}}{{end}}"},
	{Name: "range/field-of-string-element", Tpl: "{{range .l}}{{.x}}{{end}}"},
	{Name: "range/field-of-typed-element", Tpl: "{{range strs \"a\"}}{{.x}}{{end}}"},
	{Name: "range/var-field-of-element", Tpl: "{{range $e := .l}}{{$e.x}}{{end}}"},
	{Name: "range/break-outside", Tpl: "{{break}}"},
	{Name: "range/continue-outside", Tpl: "{{if true}}{{continue}}{{end}}"},
	{Name: "range/break-in-else", Tpl: "{{range .l}}{{else}}{{break}}{{end}}"},
	{Name: "range/three-vars", Tpl: "{{range $a, $b, $c := .l}}{{end}}"},
	{Name: "range/bad-decl", Tpl: "{{range $a, 1 := .l}}{{end}}"},
	{Name: "range/missing-value", Tpl: "{{range $a, }}{{end}}"},
	{Name: "range/list-of-maps", Tpl: "{{range (list .m .nested)}}{{len .}}{{end}}"},

	// ---- with ----
	{Name: "with/basic", Tpl: "{{with .nested.a}}{{.b.c}}{{end}}"},
	{Name: "with/else", Tpl: "{{with .empty}}x{{else}}empty{{end}}"},
	{Name: "with/else-with", Tpl: "{{with .empty}}a{{else with .s}}{{.}}{{else}}c{{end}}"},
	{Name: "with/else-with-else", Tpl: "{{with .empty}}a{{else with .zero}}b{{else}}c{{end}}"},
	{Name: "with/var-decl", Tpl: "{{with $x := .n}}{{$x}}{{.}}{{end}}"},
	{Name: "with/field-of-string", Tpl: "{{with .s}}{{.x}}{{end}}"},

	// ---- define / template / block ----
	{Name: "define/call", Tpl: "{{define \"T\"}}<{{.}}>{{end}}{{template \"T\" .s}}"},
	{Name: "define/no-pipe", Tpl: "{{define \"T\"}}<{{.}}>{{end}}{{template \"T\"}}"},
	{Name: "define/raw-name", Tpl: "{{define `T`}}x{{end}}{{template `T`}}"},
	{Name: "define/recursive", Tpl: "{{define \"T\"}}{{if .}}{{len .}}{{template \"T\" (slice . 1)}}{{end}}{{end}}{{template \"T\" .l}}"},
	{Name: "define/undefined", Tpl: "{{template \"nope\"}}"},
	{Name: "define/block", Tpl: "{{block \"B\" .n}}[{{.}}]{{end}}|{{template \"B\" 7}}"},
	{Name: "define/block-no-pipe", Tpl: "{{block \"B\"}}x{{end}}"},
	{Name: "define/redefine", Tpl: "{{define \"T\"}}a{{end}}{{define \"T\"}}b{{end}}"},
	{Name: "define/redefine-empty", Tpl: "{{define \"T\"}}a{{end}}{{define \"T\"}} {{end}}{{template \"T\"}}"},
	{Name: "define/error-inside", Tpl: "{{define \"T\"}}\n  {{.missing.x}}{{end}}{{template \"T\" .}}", Mode: "error"},
	{Name: "define/infinite", Tpl: "{{define \"T\"}}{{template \"T\" .}}{{end}}{{template \"T\" .}}"},
	{Name: "define/inside-action", Tpl: "{{if true}}{{define \"T\"}}x{{end}}{{end}}"},
	{Name: "define/unexpected-else", Tpl: "{{define \"T\"}}x{{else}}y{{end}}"},
	{Name: "define/bad-name", Tpl: "{{define T}}x{{end}}"},
	{Name: "define/vars-isolated", Tpl: "{{$x := 1}}{{define \"T\"}}{{$x}}{{end}}"},
	{Name: "define/template-decl-persists", Tpl: "{{define \"T\"}}{{.}}{{end}}{{template \"T\" $x := 5}}{{$x}}"},

	// ---- pipelines, parentheses, chains ----
	{Name: "pipe/simple", Tpl: "{{.s | upper}}"},
	{Name: "pipe/final-arg", Tpl: "{{\"x\" | repeat 3}}"},
	{Name: "pipe/chain", Tpl: "{{.s | upper | printf \"%s!\"}}"},
	{Name: "pipe/paren", Tpl: "{{printf \"%s-%s\" (upper .s) (index .l 0)}}"},
	{Name: "pipe/nested-paren", Tpl: "{{upper (printf \"%s\" (index .l (len (slice .l 1))))}}"},
	{Name: "pipe/paren-field", Tpl: "{{(inputs).nested.a.b.c}}|{{(index .m \"k\")}}"},
	{Name: "pipe/function-chain", Tpl: "{{inputs.nested.a.b.c}}|{{inputs.s}}"},
	{Name: "pipe/function-chain-missing", Tpl: "{{inputs.nope}}", Mode: "error"},
	{Name: "pipe/function-chain-missing-default", Tpl: "{{inputs.nope}}|{{inputs.nope.deeper}}"},
	{Name: "pipe/non-executable", Tpl: "{{.s | \"x\"}}"},
	{Name: "pipe/dot-stage", Tpl: "{{.s | .}}"},
	{Name: "pipe/paren-with-final", Tpl: "{{1 | (upper \"a\")}}"},
	{Name: "pipe/field-with-args", Tpl: "{{.s 1}}"},
	{Name: "pipe/field-final", Tpl: "{{1 | .s}}"},
	{Name: "pipe/nil-command", Tpl: "{{nil}}"},
	{Name: "pipe/nil-chain", Tpl: "{{(nil).x}}"},
	{Name: "pipe/literal-dot", Tpl: "{{\"x\".y}}"},
	{Name: "pipe/empty-pipe", Tpl: "{{}}"},
	{Name: "pipe/bool-command-args", Tpl: "{{true 1}}"},
	{Name: "pipe/chain-on-string-result", Tpl: "{{(upper \"a\").x}}"},
	{Name: "pipe/chain-on-nil-result", Tpl: "{{(nilf).x}}|{{nilf.x}}"},
	{Name: "pipe/paren-nil-result-field", Tpl: "{{(index .lnil 0).x}}"},

	// ---- field access ----
	{Name: "field/nested", Tpl: "{{.nested.a.b.c}}"},
	{Name: "field/missing-default", Tpl: "{{.missing}}|{{.missing.deeper}}|{{.nested.nope}}"},
	{Name: "field/missing-error", Tpl: "a\nb {{.missing}}", Mode: "error"},
	{Name: "field/missing-deep-error", Tpl: "{{.nested.a.nope}}", Mode: "error"},
	{Name: "field/missing-zero", Tpl: "{{.missing}}|{{.missing | printf \"%v\"}}", Mode: "zero"},
	{Name: "field/on-nil-entry", Tpl: "{{.nil.x}}"},
	{Name: "field/on-string", Tpl: "{{.s.x}}"},
	{Name: "field/on-list", Tpl: "{{.l.x}}"},
	{Name: "field/on-var-string", Tpl: "{{$s := .s}}{{$s.x}}"},
	{Name: "field/on-int", Tpl: "{{$n := 1}}{{$n.x}}"},
	{Name: "field/nil-data-error", Tpl: "{{.x}}", Data: "null", Mode: "error"},
	{Name: "field/nil-data-default", Tpl: "{{.x}}|{{.x.y}}", Data: "null"},
	{Name: "field/on-bool-data", Tpl: "{{.x}}", Data: "true"},
	{Name: "field/utf8-column", Tpl: "é {{.s.x}}"},

	// ---- functions: arity and types ----
	{Name: "call/undefined", Tpl: "{{nosuchfunc .s}}"},
	{Name: "call/arity", Tpl: "{{upper}}"},
	{Name: "call/arity-many", Tpl: "{{upper \"a\" \"b\"}}"},
	{Name: "call/arity-variadic", Tpl: "{{tail}}"},
	{Name: "call/variadic-ok", Tpl: "{{tail \"-\" \"a\" \"b\"}}|{{tail \",\"}}|{{\"z\" | tail \"+\" \"y\"}}"},
	{Name: "call/variadic-final-fixed", Tpl: "{{\"-\" | tail}}"},
	{Name: "call/wrong-type", Tpl: "{{upper .n}}"},
	{Name: "call/wrong-type-final", Tpl: "{{.n | upper}}"},
	{Name: "call/int-literal", Tpl: "{{repeat 2 \"ab\"}}"},
	{Name: "call/int-from-int64", Tpl: "{{repeat .n \"ab\"}}"},
	{Name: "call/float-literal-to-int", Tpl: "{{repeat 1.5 \"ab\"}}"},
	{Name: "call/float-int-literal-to-int", Tpl: "{{repeat 2.0 \"ab\"}}|{{repeat 1e1 \"a\"}}"},
	{Name: "call/string-literal-to-int", Tpl: "{{repeat \"2\" \"ab\"}}"},
	{Name: "call/int64-literal", Tpl: "{{add64 1 2}}|{{add64 .n 2}}"},
	{Name: "call/int-to-int64", Tpl: "{{add64 (len .l) 1}}"},
	{Name: "call/float64", Tpl: "{{half 3}}|{{half 3.0}}|{{half .f}}"},
	{Name: "call/float64-from-int64", Tpl: "{{half .n}}"},
	{Name: "call/float-string-literal", Tpl: "{{half \"x\"}}"},
	{Name: "call/bool", Tpl: "{{yesno true}}|{{yesno .b}}|{{yesno (not .b)}}"},
	{Name: "call/bool-literal-wrong", Tpl: "{{yesno 1}}"},
	{Name: "call/map", Tpl: "{{keys .m}}|{{keys .emptym}}|{{keys nil}}"},
	{Name: "call/map-wrong", Tpl: "{{keys .l}}"},
	{Name: "call/map-literal", Tpl: "{{keys \"x\"}}"},
	{Name: "call/list", Tpl: "{{first .l}}|{{first nil}}|{{first .emptyl}}"},
	{Name: "call/list-typed-wrong", Tpl: "{{first (strs \"a\")}}"},
	{Name: "call/strlist", Tpl: "{{joinStrs \",\" (strs \"a\" \"b\")}}|{{joinStrs \",\" (keys .m)}}"},
	{Name: "call/strlist-wrong", Tpl: "{{joinStrs \",\" .l}}"},
	{Name: "call/nil-to-string", Tpl: "{{upper nil}}"},
	{Name: "call/missing-to-string", Tpl: "{{upper .missing}}"},
	{Name: "call/nil-entry-to-string", Tpl: "{{upper .nil}}"},
	{Name: "call/nil-entry-to-list", Tpl: "{{first .nil}}"},
	{Name: "call/nil-result-to-string", Tpl: "{{upper nilf}}"},
	{Name: "call/nil-paren-to-string", Tpl: "{{upper (nilf)}}"},
	{Name: "call/nil-var-to-string", Tpl: "{{$x := nilf}}{{upper $x}}"},
	{Name: "call/nil-to-any", Tpl: "{{list nil .nil .missing nilf}}"},
	{Name: "call/error", Tpl: "x{{fail \"bad thing\"}}y"},
	{Name: "call/panic", Tpl: "{{boom}}"},
	{Name: "call/error-in-arg", Tpl: "{{upper (fail \"inner\")}}"},
	{Name: "call/literal-to-any", Tpl: "{{list 1 1.5 \"s\" true 'a' 0x10 1e2}}|{{printf \"%T %T %T %T %T %T\" 1 1.5 \"s\" true 'a' 1e2}}"},
	{Name: "call/overflow-literal", Tpl: "{{list 18446744073709551615}}"},
	{Name: "call/int-overflow-parse", Tpl: "{{99999999999999999999}}"},
	{Name: "call/dot-arg", Tpl: "{{upper .}}", Data: `"abc"`},
	{Name: "call/dot-arg-wrong", Tpl: "{{upper .}}"},
	{Name: "call/complex-to-int", Tpl: "{{repeat 2i \"a\"}}"},
	{Name: "call/function-as-command-arg", Tpl: "{{upper (print 1)}}"},

	// ---- and / or / not ----
	{Name: "logic/and", Tpl: "{{and 1 2}}|{{and 0 2}}|{{and 1 \"\"}}|{{and .b .s}}"},
	{Name: "logic/or", Tpl: "{{or 0 \"\"}}|{{or 0 2}}|{{or .empty .s}}|{{or .missing .n}}"},
	{Name: "logic/short-circuit", Tpl: "{{and false (fail \"x\")}}|{{or true (fail \"y\")}}"},
	{Name: "logic/no-short-circuit", Tpl: "{{and true (fail \"x\")}}"},
	{Name: "logic/pipe-final", Tpl: "{{0 | and 1}}|{{0 | or 1}}|{{5 | and 1}}"},
	{Name: "logic/nil", Tpl: "{{and nil 1}}|{{or nil .missing}}"},
	{Name: "logic/arity", Tpl: "{{and}}"},
	{Name: "logic/not", Tpl: "{{not 0}}|{{not 1}}|{{not .emptyl}}|{{not .nil}}|{{not nil}}"},
	{Name: "logic/not-arity", Tpl: "{{not 1 2}}"},

	// ---- len / index / slice ----
	{Name: "len/kinds", Tpl: "{{len .s}}|{{len .l}}|{{len .m}}|{{len .uni}}|{{len \"\"}}|{{len (strs \"a\")}}"},
	{Name: "len/int", Tpl: "{{len .n}}"},
	{Name: "len/nil-entry", Tpl: "{{len .nil}}"},
	{Name: "len/nil", Tpl: "{{len nil}}"},
	{Name: "len/missing", Tpl: "{{len .missing}}"},
	{Name: "index/list", Tpl: "{{index .l 1}}|{{index .nums 0}}|{{index .m \"k\" 1}}|{{index .nested \"a\" \"b\" \"c\"}}"},
	{Name: "index/out-of-range", Tpl: "{{index .l 9}}"},
	{Name: "index/at-len", Tpl: "{{index .l 3}}"},
	{Name: "index/negative", Tpl: "{{index .l -1}}"},
	{Name: "index/string", Tpl: "{{index .s 0}}|{{index \"é\" 1}}|{{printf \"%T\" (index .s 0)}}|{{eq (index .s 0) 104}}"},
	{Name: "index/map-missing", Tpl: "{{index .m \"nope\"}}|{{index .m \"nope\" | printf \"%v\"}}"},
	{Name: "index/map-int-key", Tpl: "{{index .m 1}}"},
	{Name: "index/map-nil-key", Tpl: "{{index .m nil}}"},
	{Name: "index/nil", Tpl: "{{index nil 1}}"},
	{Name: "index/nil-entry", Tpl: "{{index .nil 1}}"},
	{Name: "index/nested-nil", Tpl: "{{index .lnil 0 1}}"},
	{Name: "index/of-int", Tpl: "{{index .n 1}}"},
	{Name: "index/with-string-on-list", Tpl: "{{index .l \"a\"}}"},
	{Name: "index/with-nil-on-list", Tpl: "{{index .l nil}}"},
	{Name: "index/no-indexes", Tpl: "{{index .l}}"},
	{Name: "index/float-index", Tpl: "{{index .l 1.0}}"},
	{Name: "index/int64-index", Tpl: "{{index .l .zero}}"},
	{Name: "index/nil-element-to-string", Tpl: "{{upper (index .lnil 0)}}"},
	{Name: "index/nil-element-direct", Tpl: "{{index .lnil 0 | upper}}"},
	{Name: "slice/list", Tpl: "{{slice .l 1}}|{{slice .l 1 2}}|{{slice .l}}|{{slice .l 0 3 3}}|{{slice .l 3}}"},
	{Name: "slice/string", Tpl: "{{slice .s 1 3}}|{{slice .s 6}}"},
	{Name: "slice/errors-1", Tpl: "{{slice .l 2 1}}"},
	{Name: "slice/errors-2", Tpl: "{{slice .l 1 5}}"},
	{Name: "slice/errors-3", Tpl: "{{slice .s 1 2 3}}"},
	{Name: "slice/errors-4", Tpl: "{{slice .n 1}}"},
	{Name: "slice/errors-5", Tpl: "{{slice nil 1}}"},
	{Name: "slice/errors-6", Tpl: "{{slice .l 0 1 2 3}}"},
	{Name: "slice/errors-7", Tpl: "{{slice .l 0 2 1}}"},
	{Name: "slice/typed", Tpl: "{{slice (strs \"a\" \"b\" \"c\") 1 | joinStrs \"+\"}}"},

	// ---- print / println / printf ----
	{Name: "print/builtin", Tpl: "{{print .s .n \"x\" 1 2}}|{{print 1 2}}|{{print \"a\" \"b\"}}|{{print nil nil}}|{{print .l .m}}"},
	{Name: "print/println", Tpl: "{{println .s .n \"x\"}}|{{println}}"},
	{Name: "print/print-missing", Tpl: "{{print .missing}}|{{print .nil}}"},
	{Name: "printf/basic-verbs", Tpl: "{{printf \"%v|%s|%d|%q|%t|%x|%X|%o|%O|%b|%c|%U\" .s .s .n .s .b .n .n .n .n .n 65 65}}"},
	{Name: "printf/floats", Tpl: "{{printf \"%v|%e|%E|%f|%F|%g|%G|%.2f|%8.3f|%-8.2f|%+.1e|%x|%X|%b\" .f .f .f .f .f .f .f .f .f .f .f .f .f .f}}"},
	{Name: "printf/float-g", Tpl: "{{printf \"%g|%g|%g|%g|%g|%.3g|%.10g|%#g|%#.3g|%g\" 1e6 1e-5 123456789.0 0.0001 100000.0 1234.5678 1.0 1.0 2.0 -0.0}}"},
	{Name: "printf/float-rounding", Tpl: "{{printf \"%.0f|%.0f|%.0f|%.1f|%.2f|%.0e|%.0e|%.1e|%.1e|%.3f\" 0.5 1.5 2.5 0.25 1.005 2.5 3.5 0.125 0.375 2.0005}}"},
	{Name: "printf/float-special", Tpl: "{{printf \"%f|%e|%g|%5.1f|%05.1f|%+f|% f|%x|%.3x|%#x\" 0.0 0.0 0.0 -1.25 -1.25 1.0 1.0 1.0 3.1415 1.0}}"},
	{Name: "printf/ints", Tpl: "{{printf \"%5d|%-5d|%05d|%+d|% d|%x|%#x|%#o|%#b|%08.3d|%.0d|%.0d|%O\" 42 42 42 42 42 -255 255 8 5 7 0 1 8}}"},
	{Name: "printf/ints-neg", Tpl: "{{printf \"%05d|%x|%X|%o|%b|%c|%q|%U|%#U\" -42 -255 -255 -8 -5 -1 -1 -1 128512}}"},
	{Name: "printf/int64-big", Tpl: "{{printf \"%d|%x|%v\" .big .big .big}}"},
	{Name: "printf/strings", Tpl: "{{printf \"%5s|%-5s|%.2s|%5.1s|%q|%#q|%+q|%x|% x|%#x|%X|% #x\" \"ab\" \"ab\" \"abc\" \"xyz\" \"a\\\"b\" \"a`b\" \"é\" \"hi\" \"hi\" \"hi\" \"hi\" \"hi\"}}"},
	{Name: "printf/strings-unicode", Tpl: "{{printf \"%5s|%.3s|%q|%+q|%x|%#q\" .uni .uni .uni .uni \"é\" \"tab\\there\"}}"},
	{Name: "printf/zero-pad-string", Tpl: "{{printf \"%05s|%-05s|%05t|%05q\" \"ab\" \"ab\" true \"a\"}}"},
	{Name: "printf/quote-escapes", Tpl: "{{printf \"%q\" \"\\a\\b\\f\\n\\r\\t\\v\\x00\\x7f\\u00a0\\u2028\\U0001F600'\"}}"},
	{Name: "printf/q-rune", Tpl: "{{printf \"%q|%q|%q|%+q|%c|%c\" 39 10 128512 233 233 1114112}}"},
	{Name: "printf/bad-verbs", Tpl: "{{printf \"%d|%s|%t|%e|%z|%!\" \"hi\" 5 \"x\" 1 2 3}}"},
	{Name: "printf/missing-extra", Tpl: "{{printf \"%d %d\" 1}}|{{printf \"%d\" 1 2 \"x\" nil}}|{{printf \"x\" 1}}"},
	{Name: "printf/noverb", Tpl: "{{printf \"%\" }}|{{printf \"abc%\" 1}}|{{printf \"%-\" 1}}"},
	{Name: "printf/percent", Tpl: "{{printf \"100%%\"}}|{{printf \"%5%\"}}|{{printf \"%d%%\" 5}}"},
	{Name: "printf/arg-index", Tpl: "{{printf \"%[2]d %[1]d\" 1 2}}|{{printf \"%[3]d\" 1 2}}|{{printf \"%[0]d\" 1}}|{{printf \"%[1]d %d\" 1 2}}|{{printf \"%[x]d\" 1}}|{{printf \"%[2]*[1]d\" 12 5}}|{{printf \"%[1]\" 1}}"},
	{Name: "printf/star", Tpl: "{{printf \"%*d|%-*d|%.*f|%*d\" 5 1 5 1 2 3.14159 \"x\" 1}}|{{printf \"%.*d\" -1 5}}|{{printf \"%*d\" -5 1}}"},
	{Name: "printf/nil", Tpl: "{{printf \"%v|%s|%d|%T|%5v|\" nil nil nil nil nil}}"},
	{Name: "printf/lists", Tpl: "{{printf \"%v|%d|%s|%q|%x|%5d|%+v|%#v\" .nums .nums .l .l .l .nums .l .l}}"},
	{Name: "printf/list-bad", Tpl: "{{printf \"%d|%s\" .l .nums}}"},
	{Name: "printf/maps", Tpl: "{{printf \"%v|%d|%s|%#v|%+v\" .m .m .m .m .m}}"},
	{Name: "printf/nested-nil", Tpl: "{{printf \"%v|%d|%#v|%s\" .lnil .lnil .lnil (list nil)}}"},
	{Name: "printf/types", Tpl: "{{printf \"%T|%T|%T|%T|%T|%T|%T|%T|%T\" .s .n .f .b .l .m (strs) 1 (index .s 0)}}"},
	{Name: "printf/sharp-v", Tpl: "{{printf \"%#v|%#v|%#v|%#v|%#v|%#v\" .s .n .f .b 1 (strs \"a\")}}"},
	{Name: "printf/plus-v", Tpl: "{{printf \"%+v|%+d|%+q\" 5 5 \"é\"}}"},
	{Name: "printf/format-not-string", Tpl: "{{printf 1}}"},
	{Name: "printf/format-from-field", Tpl: "{{printf .pct}}|{{printf .n}}"},
	{Name: "printf/width-unicode-pad", Tpl: "{{printf \"[%6s][%-6s]\" \"é\" \"日本\"}}"},
	{Name: "printf/hex-float-prec", Tpl: "{{printf \"%.0x|%.1x|%.2X|%x|%x\" 1.5 1.96875 0.1 0.0 -2.5}}"},
	{Name: "printf/b-float", Tpl: "{{printf \"%b|%b\" 1.0 0.1}}"},
	{Name: "printf/large-float", Tpl: "{{printf \"%f|%.3e|%g|%v\" 1e22 1.7976931348623157e308 5e-324 1e100}}"},
	{Name: "printf/sharp-f", Tpl: "{{printf \"%#.0f|%#.0e|%#g|%#.4g|%#v\" 1.0 1.0 123456.0 0.0001 1.0}}"},
	{Name: "printf/unicode-width", Tpl: "{{printf \"%U|%#U|%#U|%.6U|%08U\" 0x41 0x41 0x1F600 0x41 0x41}}"},
	{Name: "printf/space-flag", Tpl: "{{printf \"% d|% d|%+ d|% x|% X\" 5 -5 5 \"abc\" \"é\"}}"},
	{Name: "printf/big-width", Tpl: "{{printf \"%123456789d\" 1}}"},

	// ---- comparisons ----
	{Name: "cmp/eq", Tpl: "{{eq 1 1}}|{{eq .n 3}}|{{eq .s \"hello World\"}}|{{eq .f 2.5}}|{{eq .b true}}|{{eq 1 2 3 1}}|{{eq \"a\" \"b\"}}"},
	{Name: "cmp/eq-int-int64", Tpl: "{{eq .n 3}}|{{eq (len .l) .n}}"},
	{Name: "cmp/eq-int-float", Tpl: "{{eq .n 3.0}}"},
	{Name: "cmp/eq-string-int", Tpl: "{{eq .num_str 123}}"},
	{Name: "cmp/eq-nil", Tpl: "{{eq .nil nil}}|{{eq .missing nil}}|{{eq .s nil}}|{{eq nil .s}}|{{eq nilf nil}}"},
	{Name: "cmp/eq-maps", Tpl: "{{eq .m .m}}"},
	{Name: "cmp/eq-lists", Tpl: "{{eq .l .l}}"},
	{Name: "cmp/eq-list-map", Tpl: "{{eq .l .m}}"},
	{Name: "cmp/eq-list-nil", Tpl: "{{eq .l nil}}|{{eq nil .m}}"},
	{Name: "cmp/eq-arity", Tpl: "{{eq 1}}"},
	{Name: "cmp/eq-multi-incompatible-late", Tpl: "{{eq 1 1 \"x\"}}|{{eq 1 2 \"x\"}}"},
	{Name: "cmp/ne", Tpl: "{{ne 1 2}}|{{ne .s \"x\"}}|{{ne .b true}}"},
	{Name: "cmp/lt", Tpl: "{{lt 1 2}}|{{lt .n 5}}|{{lt \"a\" \"b\"}}|{{lt 2.5 .f}}|{{lt .neg 0}}"},
	{Name: "cmp/lt-incompatible", Tpl: "{{lt .s 3}}"},
	{Name: "cmp/lt-int-float", Tpl: "{{lt 1 2.0}}"},
	{Name: "cmp/lt-bool", Tpl: "{{lt true false}}"},
	{Name: "cmp/lt-nil", Tpl: "{{lt nil 1}}"},
	{Name: "cmp/lt-list", Tpl: "{{lt .l 1}}"},
	{Name: "cmp/le-ge-gt", Tpl: "{{le 2 2}}|{{le 3 2}}|{{ge 2 2}}|{{ge 1 2}}|{{gt 3 2}}|{{gt 2 2}}|{{le \"b\" \"a\"}}"},
	{Name: "cmp/le-bool", Tpl: "{{le true true}}"},
	{Name: "cmp/gt-incompatible", Tpl: "{{gt 1 \"a\"}}"},
	{Name: "cmp/string-order-unicode", Tpl: "{{lt \"\\uffff\" \"\\U0001F600\"}}|{{lt \"Z\" \"a\"}}"},
	{Name: "cmp/ne-arity", Tpl: "{{ne 1 2 3}}"},

	// ---- escapers ----
	{Name: "esc/html", Tpl: "{{html \"<a href='x'>&\\\"</a>\"}}|{{html 1 2}}|{{html nil}}|{{html \"a\" 1 nil}}"},
	{Name: "esc/js", Tpl: "{{js \"it's <b>\\\"x\\\" & y=1\\n\\\\\"}}|{{js \"é\\u2028\\x01\\u00ad\"}}"},
	{Name: "esc/urlquery", Tpl: "{{urlquery \"a b&c=d/é?~-_.\"}}|{{urlquery 1 \"x y\"}}"},
	{Name: "esc/pipe", Tpl: "{{.s | html}}|{{\"<\" | js}}|{{\"a b\" | urlquery}}"},

	// ---- call builtin ----
	{Name: "callfn/nil", Tpl: "{{call .nil}}"},
	{Name: "callfn/non-function", Tpl: "{{call .s 1}}"},
	{Name: "callfn/missing", Tpl: "{{call .missing}}"},
	{Name: "callfn/arity", Tpl: "{{call}}"},

	// ---- parse errors ----
	{Name: "parse/unclosed-action", Tpl: "{{.s"},
	{Name: "parse/unclosed-action-lines", Tpl: "a\n{{if\n.s\n"},
	{Name: "parse/unexpected-eof", Tpl: "{{if .s}}x"},
	{Name: "parse/unexpected-end", Tpl: "x{{end}}"},
	{Name: "parse/unexpected-else", Tpl: "x\n{{else}}"},
	{Name: "parse/unexpected-brace", Tpl: "{{ .s } }}"},
	{Name: "parse/unexpected-brace-delims", Tpl: "<< inputs.s } >>", Delim: true},
	{Name: "parse/bad-character", Tpl: "{{.s#}}"},
	{Name: "parse/bad-character-ident", Tpl: "{{upper#}}"},
	{Name: "parse/unrecognized", Tpl: "{{.s \u00e9}}"},
	{Name: "parse/unrecognized-nonprint", Tpl: "{{.s \x01}}"},
	{Name: "parse/unterminated-string", Tpl: "{{\"abc}}"},
	{Name: "parse/unterminated-raw", Tpl: "{{`abc}}"},
	{Name: "parse/unterminated-char", Tpl: "{{'a}}"},
	{Name: "parse/bad-escape", Tpl: "{{\"\\q\"}}"},
	{Name: "parse/bad-char-constant", Tpl: "{{'ab'}}"},
	{Name: "parse/empty-char-constant", Tpl: "{{''}}"},
	{Name: "parse/bad-number", Tpl: "{{3k}}"},
	{Name: "parse/bad-number-2", Tpl: "{{0x}}|{{089}}|{{1__0}}"},
	{Name: "parse/bad-number-3", Tpl: "{{1e}}"},
	{Name: "parse/bad-number-4", Tpl: "{{089}}"},
	{Name: "parse/bad-number-5", Tpl: "{{1__0}}"},
	{Name: "parse/bad-number-6", Tpl: "{{1e400}}"},
	{Name: "parse/bad-number-7", Tpl: "{{0x1.8}}"},
	{Name: "parse/complex-bad", Tpl: "{{1+2}}"},
	{Name: "parse/missing-value", Tpl: "{{if}}{{end}}"},
	{Name: "parse/missing-value-command", Tpl: "{{$x := }}"},
	{Name: "parse/empty-command", Tpl: "{{.s | }}"},
	{Name: "parse/unclosed-paren", Tpl: "{{(upper .s}}"},
	{Name: "parse/unexpected-paren", Tpl: "{{upper .s)}}"},
	{Name: "parse/expected-colon-equals", Tpl: "{{$x : 1}}"},
	{Name: "parse/function-not-defined", Tpl: "line1\n{{ nosuch }}"},
	{Name: "parse/else-twice", Tpl: "{{if .s}}a{{else}}b{{else}}c{{end}}"},
	{Name: "parse/else-if-in-range", Tpl: "{{range .l}}a{{else if .s}}b{{end}}"},
	{Name: "parse/end-with-args", Tpl: "{{if .s}}{{end x}}"},
	{Name: "parse/else-with-args", Tpl: "{{if .s}}{{else x}}{{end}}"},
	{Name: "parse/break-with-args", Tpl: "{{range .l}}{{break 1}}{{end}}"},
	{Name: "parse/template-bad-name", Tpl: "{{template .s}}"},
	{Name: "parse/dot-after-number", Tpl: "{{1.x}}"},
	{Name: "parse/dot-after-string", Tpl: "{{\"a\".x}}"},
	{Name: "parse/dot-after-dot", Tpl: "{{.}}{{. .x}}"},
	{Name: "parse/multiline-action-error", Tpl: "{{if\n.s\n}}\n{{end}}{{\n upper\n 1 2 3"},
	{Name: "parse/assign-in-template", Tpl: "{{template \"x\" $y := 1}}"},
	{Name: "parse/left-delim-in-action", Tpl: "{{ {{ }}"},
	{Name: "parse/define-unterminated", Tpl: "{{define \"a\"}}x"},
	{Name: "parse/block-else", Tpl: "{{block \"b\" .}}x{{else}}y{{end}}"},
	{Name: "parse/trim-marker-no-space", Tpl: "{{-.s}}"},
	{Name: "parse/trim-right-no-space", Tpl: "{{.s-}}"},
	{Name: "parse/colon", Tpl: "{{:}}"},
	{Name: "parse/pipe-first", Tpl: "{{| upper}}"},
	{Name: "parse/comma", Tpl: "{{upper , }}"},
	{Name: "parse/equals-alone", Tpl: "{{= 1}}"},
	{Name: "parse/long-token", Tpl: "{{upper \"abc\" \"defghijklmnop\" )}}"},
	{Name: "parse/delims-end", Tpl: "a\n<<end>>", Delim: true},
	{Name: "parse/break-as-function", Tpl: "{{range .l}}{{break}}{{end}}"},

	// ---- exec errors with positions ----
	{Name: "exec/position-line-col", Tpl: "line1\nline2\n    {{.nested.a.nope}}", Mode: "error"},
	{Name: "exec/position-inputs", Tpl: "a: 1\nb: 2\nc: 3\n  semver: << inputs.semver >>\n", Mode: "error", Delim: true},
	{Name: "exec/position-in-if", Tpl: "{{if true}}\n  {{index .l 9}}{{end}}"},
	{Name: "exec/position-after-unicode", Tpl: "日本語 {{index .l 9}}"},
	{Name: "exec/error-partial-output", Tpl: "before {{.s}} {{fail \"x\"}} after"},
	{Name: "exec/context-pipe", Tpl: "{{.n | printf \"%d\" | upper | repeat \"x\"}}"},
	{Name: "exec/context-percent", Tpl: "{{fail \"100%\"}}"},
	{Name: "exec/nested-template-name", Tpl: "{{define \"inner\"}}{{fail \"deep\"}}{{end}}{{template \"inner\"}}"},
	{Name: "exec/range-error-context", Tpl: "{{range $i, $x := .l}}{{index $x 5}}{{end}}"},
	{Name: "exec/with-error", Tpl: "{{with .m}}{{.k.z}}{{end}}"},

	// ---- batch 2: more lexing, parsing and scoping details ----
	{Name: "lex/unicode-field", Tpl: "{{.héllo}}|{{$ü := 1}}{{$ü}}", Data: `{"héllo":"x"}`},
	{Name: "lex/digit-var", Tpl: "{{$1 := 2}}{{$1}}"},
	{Name: "lex/dollar", Tpl: "{{$}}", Data: `"d"`},
	{Name: "lex/keyword-field", Tpl: "{{.range}}|{{.if}}|{{.end}}|{{.nil}}", Data: `{"range":1,"if":2,"end":3,"nil":4}`},
	{Name: "lex/no-spaces", Tpl: "{{.s|upper|printf \"%s\"}}"},
	{Name: "lex/newline-in-action", Tpl: "{{\n.s\n|\nupper\n}}"},
	{Name: "lex/crlf-trim", Tpl: "a\r\n{{- .n -}}\r\nb"},
	{Name: "lex/delim-in-string", Tpl: "{{\"}}\"}}|{{`{{`}}"},
	{Name: "lex/delims-in-string-custom", Tpl: "<<\">>\">>|<<`<<`>>", Delim: true},
	{Name: "lex/left-delim-text-only", Tpl: "a << b", Delim: false},
	{Name: "lex/trim-at-start", Tpl: "{{- .n}} x"},
	{Name: "lex/trim-all-space-text", Tpl: "{{.n}}   \n\t  {{- .n}}"},
	{Name: "lex/trim-right-to-eof", Tpl: "{{.n -}}   \n"},
	{Name: "lex/numbers", Tpl: "{{0x_1F}}|{{1_0.5}}|{{.5e3}}|{{1e+3}}|{{0X1P+2}}|{{'\\n'}}|{{'\\x41'}}|{{'\\u00e9'}}|{{'\\377'}}|{{0o1_7}}|{{-0}}|{{-0.0}}|{{0.}}"},
	{Name: "lex/number-0b", Tpl: "{{0b}}"},
	{Name: "lex/number-dot", Tpl: "{{.}}{{print .5}}", Data: `1`},
	{Name: "lex/char-escapes", Tpl: "{{print '\\t' '\\\\' '\\''}}"},
	{Name: "lex/string-escapes", Tpl: "{{print \"a\\tb\\\\c\\\"d\\u263A\\U0001F600\\101\"}}"},
	{Name: "lex/raw-string-crlf", Tpl: "{{`a\r\nb`}}"},
	{Name: "lex/raw-string-multiline-lines", Tpl: "{{`a\nb`}}\n{{.nope.x}}", Mode: "error"},
	{Name: "lex/string-single-quote-escape", Tpl: "{{\"\\'\"}}"},
	{Name: "lex/char-double-quote-escape", Tpl: "{{'\\\"'}}"},
	{Name: "lex/bad-unicode-escape", Tpl: "{{\"\\uD800\"}}"},
	{Name: "lex/right-paren-extra", Tpl: "{{)}}"},
	{Name: "lex/hash-in-action", Tpl: "{{# x}}"},
	{Name: "lex/bad-field-char", Tpl: "{{.a-b}}"},
	{Name: "lex/bad-var-char", Tpl: "{{$a-b := 1}}"},
	{Name: "lex/field-then-paren", Tpl: "{{print .s(1)}}"},
	{Name: "lex/number-then-letter", Tpl: "{{1a}}"},
	{Name: "lex/plus-alone", Tpl: "{{+}}"},
	{Name: "lex/dot-at-end", Tpl: "{{."},
	{Name: "lex/delim-prefix-of-other", Tpl: "{{.n}}}}"},
	{Name: "scope/range-assign-persists", Tpl: "{{$x := 0}}{{range $i := .l}}{{$x = $i}}{{end}}{{$x}}"},
	{Name: "scope/if-decl", Tpl: "{{if $x := .n}}{{$x}}{{end}}"},
	{Name: "scope/if-decl-after-end", Tpl: "{{if $x := .n}}{{end}}{{$x}}"},
	{Name: "scope/else-sees-decl", Tpl: "{{if $x := .zero}}a{{else}}{{$x}}{{end}}"},
	{Name: "scope/with-assign", Tpl: "{{with $x := 1}}{{$x = 2}}{{$x}}{{end}}"},
	{Name: "scope/shadow-then-assign", Tpl: "{{$x := 1}}{{if true}}{{$x := 2}}{{$x = 3}}{{end}}{{$x}}"},
	{Name: "scope/range-var-shadow", Tpl: "{{$v := \"o\"}}{{range $v := .l}}{{end}}{{$v}}"},
	{Name: "scope/continue-nested", Tpl: "{{range $a := .nums}}{{range $b := $.nums}}{{if eq $a $b}}{{continue}}{{end}}{{$a}}{{$b}},{{end}};{{end}}"},
	{Name: "scope/break-in-with", Tpl: "{{range .l}}{{with .}}{{break}}{{end}}x{{end}}y"},
	{Name: "scope/break-in-template", Tpl: "{{define \"T\"}}{{break}}{{end}}"},
	{Name: "scope/template-dot", Tpl: "{{define \"T\"}}{{.}}-{{$}}{{end}}{{range .l}}{{template \"T\" .}}{{end}}"},
	{Name: "define/empty-main-with-define", Tpl: "{{define \"t\"}}from-define{{end}}"},
	{Name: "define/empty-main-spaces", Tpl: "  {{define \"t\"}}from-define{{end}}  "},
	{Name: "define/main-and-define-same-name", Tpl: "main{{define \"t\"}}from-define{{end}}"},
	{Name: "define/block-then-define", Tpl: "{{block \"B\" .}}x{{end}}{{define \"B\"}}y{{end}}"},
	{Name: "define/empty-block-then-define", Tpl: "{{block \"B\" .n}}{{end}}{{define \"B\"}}y{{.}}{{end}}"},
	{Name: "define/define-then-empty-block", Tpl: "{{define \"B\"}}y{{.}}{{end}}{{block \"B\" .n}} {{end}}"},
	{Name: "define/end-extra", Tpl: "{{define \"T\"}}{{end}}{{end}}"},
	{Name: "define/nested-calls", Tpl: "{{define \"A\"}}a{{template \"B\" .}}{{end}}{{define \"B\"}}b{{.}}{{end}}{{template \"A\" 1}}"},
	{Name: "define/with-trim", Tpl: "{{- define \"T\" -}}\n  x\n{{- end -}}\n{{template \"T\"}}"},
	{Name: "define/name-escape", Tpl: "{{define \"a\\tb\"}}x{{end}}{{template \"a\\tb\"}}{{template \"c\\\"d\"}}"},
	{Name: "define/in-else", Tpl: "{{if true}}{{else}}{{define \"x\"}}{{end}}{{end}}"},
	{Name: "misc/paren-dot", Tpl: "{{(.m).k}}|{{(.l)}}|{{(.)}}", Data: `{"m":{"k":1},"l":[1]}`},
	{Name: "misc/chain-var-in-paren", Tpl: "{{$m := .m}}{{($m).k}}|{{($m.k)}}", Data: `{"m":{"k":1}}`},
	{Name: "misc/and-in-if", Tpl: "{{if and .b .n}}y{{end}}{{if or .empty .zero}}n{{else}}e{{end}}"},
	{Name: "misc/len-pipe", Tpl: "{{ .m.k | len }}"},
	{Name: "misc/printf-pipe-final", Tpl: "{{3 | printf \"%d-%d\" 2}}"},
	{Name: "misc/eq-pipe-final", Tpl: "{{3 | eq 3}}|{{.n | eq 1 2}}"},
	{Name: "misc/not-pipe", Tpl: "{{.b | not}}"},
	{Name: "misc/index-pipe", Tpl: "{{1 | index .l}}"},
	{Name: "misc/html-pipe-multi", Tpl: "{{\"<b>\" | html \"&\"}}"},
	{Name: "misc/template-paren-pipe", Tpl: "{{define \"T\"}}{{.}}{{end}}{{template \"T\" (print 1 2)}}|{{template \"T\" .l | len}}"},
	{Name: "misc/variable-deref-chain", Tpl: "{{$n := .nested}}{{$n.a.b}}|{{$n.a.b.c}}"},
	{Name: "misc/map-with-dots-key", Tpl: "{{index . \"a.b\"}}|{{.a}}", Data: `{"a.b":1,"a":{"b":2}}`},
	{Name: "misc/large-output", Tpl: "{{range 50}}{{.}},{{end}}"},
	{Name: "misc/print-float-list", Tpl: "{{list 1.5 2.0 1e21 -0.0}}|{{printf \"%v\" (list 0.1 100000.0 1234567.0)}}"},
	{Name: "misc/sprint-spacing", Tpl: "{{print 1 \"a\" 2 3 \"b\" \"c\" 4.5 true false nil}}"},
	{Name: "misc/println-values", Tpl: "{{println 1 \"a\" nil .l}}"},
	{Name: "misc/html-values", Tpl: "{{html .l}}|{{html .m}}|{{html 1.5}}|{{html .nil}}|{{html .missing}}"},
	{Name: "misc/js-values", Tpl: "{{js .l}}|{{js 1 2}}|{{js nil}}"},
	{Name: "misc/urlquery-map", Tpl: "{{urlquery .m}}|{{urlquery nil}}"},
	{Name: "misc/compare-chain", Tpl: "{{if and (ge .n 1) (le .n 5) (ne .s \"\")}}in{{end}}"},
	{Name: "misc/eq-bool-string", Tpl: "{{eq true \"true\"}}"},
	{Name: "misc/eq-float-int64", Tpl: "{{eq .f .n}}"},
	{Name: "misc/lt-strings", Tpl: "{{lt \"apple\" \"banana\"}}|{{lt \"b\" \"a\"}}|{{lt \"\" \"a\"}}|{{lt \"é\" \"z\"}}"},
	{Name: "misc/lt-floats", Tpl: "{{lt 1.5 2.5}}|{{lt .f .fl}}|{{gt .small 0.0}}"},
	{Name: "misc/ge-int64", Tpl: "{{ge .big 1000000}}|{{gt .neg -5}}"},
	{Name: "misc/eq-nil-entry-pair", Tpl: "{{eq .nil .nil}}|{{ne .nil .s}}"},
	{Name: "misc/missing-key-in-with", Tpl: "{{with .missing}}x{{else}}none{{end}}", Mode: "error"},
	{Name: "misc/missing-in-and", Tpl: "{{and .b .missing}}", Mode: "error"},
	{Name: "misc/missing-variable-chain", Tpl: "{{$m := .m}}{{$m.nope}}", Mode: "error"},
	{Name: "misc/missing-index-ok", Tpl: "{{index .m \"nope\"}}", Mode: "error"},
	{Name: "misc/dot-in-nested-range", Tpl: "{{range $k, $v := .m}}{{range $.l}}{{$k}}{{.}}{{end}}|{{end}}"},
	{Name: "misc/error-after-trim", Tpl: "a\n  {{- fail \"x\" -}}\n  b"},
	{Name: "misc/empty-template", Tpl: "{{/* only a comment */}}"},
	{Name: "misc/whitespace-template", Tpl: "  \n  "},
	{Name: "misc/bool-literal-args", Tpl: "{{print true false}}|{{list true | len}}"},
	{Name: "misc/function-returning-list-range", Tpl: "{{range list 1 \"a\" nil}}[{{.}}]{{end}}"},
	{Name: "misc/function-returning-typed-range", Tpl: "{{range $i, $s := strs \"x\" \"y\"}}{{$i}}{{$s}}{{end}}"},
	{Name: "misc/nil-interface-to-list-param", Tpl: "{{first (index .lnil 0)}}"},
	{Name: "misc/range-over-function-result-map", Tpl: "{{range $k, $v := inputs.m}}{{$k}}{{end}}"},
	{Name: "misc/chain-function-list", Tpl: "{{inputs.l}}"},
	{Name: "misc/chain-function-list-field", Tpl: "{{inputs.l.x}}"},
	{Name: "misc/chain-deep-nil", Tpl: "{{inputs.nil.x}}"},
	{Name: "misc/chain-missing-then-field", Tpl: "{{inputs.nope.x}}", Mode: "zero"},
	{Name: "misc/var-missing-zero", Tpl: "{{$x := .nope}}{{$x}}|{{printf \"%T\" $x}}", Mode: "zero"},
	{Name: "misc/index-typed", Tpl: "{{index (strs \"a\" \"b\") 1}}|{{printf \"%T\" (index (strs \"a\") 0)}}"},
	{Name: "misc/slice-typed-type", Tpl: "{{printf \"%T\" (slice (strs \"a\" \"b\") 1)}}|{{printf \"%T\" (slice .l 1)}}|{{printf \"%T\" (slice .s 1)}}"},
	{Name: "misc/len-of-index-nil", Tpl: "{{len (index .lnil 0)}}"},
	{Name: "misc/slice-of-nil-element", Tpl: "{{slice (index .lnil 0) 0}}"},
	{Name: "misc/index-nil-element-chain", Tpl: "{{index .lnil 0 0}}"},

	{Name: "misc/uint8-printf", Tpl: "{{printf \"%d|%x|%c|%q|%v|%5d|%T\" (index .s 0) (index .s 0) (index .s 0) (index .s 0) (index .s 0) (index .s 0) (index .s 0)}}"},
	{Name: "misc/uint8-compare", Tpl: "{{lt (index .s 0) 200}}|{{eq (index .s 0) .n}}|{{gt (index .s 1) (index .s 0)}}|{{print (index .s 0) (index .s 1)}}"},
	{Name: "misc/uint8-index", Tpl: "{{index .l (index \"\\x01\" 0)}}"},
	{Name: "misc/uint8-to-int-param", Tpl: "{{repeat (index \"\\x02\" 0) \"a\"}}"},
	{Name: "misc/uint8-range", Tpl: "{{range (index \"\\x02\" 0)}}{{.}}{{end}}"},
	{Name: "misc/uint8-truth", Tpl: "{{if (index \"\\x00\" 0)}}t{{else}}f{{end}}"},
}

var fmtVerbs = []string{"v", "d", "s", "q", "x", "X", "o", "O", "b", "c", "U", "e", "E", "f", "F", "g", "G", "t", "T", "%", "+v", "#v", "w", "z"}
var fmtFlags = []string{"", "", "+", "-", "#", "0", " ", "-0", "+0", "#0", "+ ", "# ", "0#", "-#"}
var fmtWidths = []string{"", "", "", "1", "5", "12", "*", "[1]*"}
var fmtPrecs = []string{"", "", "", ".0", ".1", ".3", ".12", ".", ".*"}
var fmtArgs = []string{"0", "42", "-42", ".big", ".neg", "9223372036854775807", "-9223372036854775808", "2.5", ".f", "-0.0", ".fl", ".small", "1e-7", "123456.789",
	"1e100", "0.1", "3.0", "\"hi\"", ".uni", "\"\"", "\"a\\tb\\\"c\"", "\"日本\"", "true", "false", "nil", ".l", ".m", ".nums", ".lnil", "(strs \"a\" \"b\")",
	"'x'", "128512", "1114112", "255", "(list 1.5 \"x\" nil)", ".emptym", "65", "-1"}

func fmtMain() {
	r := rand.New(rand.NewSource(20261125))
	seen := map[string]bool{}
	var lines []string
	for len(lines) < 2500 {
		f := "%" + fmtFlags[r.Intn(len(fmtFlags))] + fmtWidths[r.Intn(len(fmtWidths))] + fmtPrecs[r.Intn(len(fmtPrecs))] + fmtVerbs[r.Intn(len(fmtVerbs))]
		arg := fmtArgs[r.Intn(len(fmtArgs))]
		args := arg
		if strings.Contains(f, "*") {
			args = "3 " + arg
			if strings.Count(f, "*") == 2 {
				args = "4 2 " + arg
			}
		}
		key := f + "\x00" + args
		if seen[key] {
			continue
		}
		seen[key] = true
		tpl := "{{printf `" + f + "` " + args + "}}"
		out, errText := run(Case{Name: "fmt", Tpl: tpl})
		if errText != "" {
			out = "ERROR: " + errText
		}
		lines = append(lines, "            "+javaString(f+"\u0001"+args+"\u0001"+out)+",")
	}
	fmt.Print(`package dev.rset.core.template;

/**
 * printf results produced by real Go 1.24 for random combinations of flags, width, precision,
 * verb and operand (GENERATED by {@code go run golden_gen.go fmt}; do not edit by hand). Each
 * entry is FORMAT, ARGS (template operands) and the expected output, separated by U+0001.
 */
final class GoldenFmtCases {
    private GoldenFmtCases() {
    }

    static final String[] ALL = {
`)
	s := strings.Join(lines, "\n")
	fmt.Println(strings.TrimSuffix(s, ","))
	fmt.Print("    };\n}\n")
	os.Exit(0)
}

// floatMain prints strconv/fmt float formatting of awkward doubles: random bit patterns,
// random short decimals, powers of ten and two, halfway cases.
func floatMain() {
	r := rand.New(rand.NewSource(7))
	var vals []float64
	for i := 0; i < 400; i++ {
		vals = append(vals, math.Float64frombits(r.Uint64()))
	}
	for i := 0; i < 300; i++ {
		digits := r.Intn(17) + 1
		mant := r.Int63n(int64(math.Pow10(min(digits, 18))))
		exp := r.Intn(60) - 30
		f, _ := strconv.ParseFloat(fmt.Sprintf("%de%d", mant, exp), 64)
		vals = append(vals, f)
	}
	for e := -30; e <= 30; e++ {
		vals = append(vals, math.Pow10(e), 5*math.Pow10(e), math.Ldexp(1, e*30), 0.5+float64(e), 1.5*math.Pow10(e))
	}
	vals = append(vals, 0, math.Copysign(0, -1), math.MaxFloat64, math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
		math.Inf(1), math.Inf(-1), math.NaN(), 9007199254740993, 1e23, 5e-324, 0.3, 2.675, 1.005, 123456789012345678)
	var lines []string
	for _, f := range vals {
		bits := strconv.FormatUint(math.Float64bits(f), 16)
		out := fmt.Sprintf("%v|%e|%.3f|%g|%.10g|%.0e|%.17g|%x|%.2x|%b|%G|%.1f|%#g",
			f, f, f, f, f, f, f, f, f, f, f, f, f)
		lines = append(lines, "            "+javaString(bits+" "+out)+",")
	}
	fmt.Print(`package dev.rset.core.gotypes;

/**
 * Float formatting produced by real Go 1.24 (GENERATED by {@code go run golden_gen.go float};
 * do not edit by hand). Each entry is the hex bits of a float64, a space, then the float printed
 * with {@code %v|%e|%.3f|%g|%.10g|%.0e|%.17g|%x|%.2x|%b|%G|%.1f|%#g}.
 */
final class GoldenFloatCases {
    private GoldenFloatCases() {
    }

    static final String[] ALL = {
`)
	fmt.Println(strings.TrimSuffix(strings.Join(lines, "\n"), ","))
	fmt.Print("    };\n}\n")
}

var soupTokens = []string{"{{", "}}", "{{- ", " -}}", " ", " ", " ", "\n", ".s", ".m", ".m.k", ".l", ".nil", ".missing",
	"$", "$x", "$x := ", "$x = ", "if ", "else", "end", "range ", "with ", "define \"T\"", "template \"T\"",
	"block \"B\" .", "break", "continue", " | ", "(", ")", "upper", "printf \"%v\"", "index", "len", "eq", "lt",
	"and", "or", "not", "print", "1", "2.5", "\"str\"", "nil", "true", ".", ",", "'a'", "/* c */", "text", "{{/*",
	"*/}}", "x", ":=", "=", "#", "0x1F", "list", "$i, $v := ", "`raw`", "-3", "1e3", "\"", "'", ")}}", "{{end}}",
	"{{else}}", "{{if .b}}", "{{range .l}}", "{{with .m}}", "{{.s}}", "\t",
	"{{-", "-}}", "é", "日本", "1_0", "0b2", "089", "1.2.3", "'\\n'", "\"\\q\"", "$1", "..x", ".x.", "$.s", "`",
	"{{else if .b}}", "{{else with .m}}", "{{define ", "{{block ", "{{template ", "{{break}}", "{{continue}}",
	"{{range $i, $v := .m}}", "0x", "1e", "+", "-", "2i", "1+2i", "\r\n", "{{ $x := 1 }}", "{{$x}}", ":", "==",
	"{{nil}}", "(nil)", "{{(1)}}", ".nested.a.b.c", "{{/* a */ -}}", "{{- /* b */}}", "/*", "*/", "}", "{", "@"}

type gen struct {
	r    *rand.Rand
	vars []string
}

func (g *gen) pick(xs ...string) string { return xs[g.r.Intn(len(xs))] }

func (g *gen) operand(depth int) string {
	choices := []string{".s", ".n", ".f", ".b", ".l", ".m", ".nil", ".missing", ".m.k", ".nested.a", "$", "\"str\"",
		"\"\"", "1", "0", "2.5", "true", "false", ".nums", ".lnil", ".m.a", "inputs.s", "inputs.m.z", "-4", "'x'", ".big",
		".emptyl", ".emptym", ".uni"}
	for _, v := range g.vars {
		choices = append(choices, v, v)
	}
	if depth < 2 && g.r.Intn(4) == 0 {
		return "(" + g.expr(depth+1) + ")"
	}
	if g.r.Intn(40) == 0 {
		return "nil"
	}
	return g.pick(choices...)
}

func (g *gen) call(depth int) string {
	type fn struct {
		name  string
		arity int // -1: 1..3
	}
	fns := []fn{{"upper", 1}, {"len", 1}, {"not", 1}, {"index", 2}, {"eq", 2}, {"ne", 2}, {"lt", 2}, {"ge", 2},
		{"and", -1}, {"or", -1}, {"print", -1}, {"printf \"%v-%d\"", -1}, {"list", -1}, {"html", 1}, {"js", 1},
		{"urlquery", 1}, {"slice", -1}, {"first", 1}, {"keys", 1}, {"repeat", 2}, {"add64", 2}, {"half", 1},
		{"yesno", 1}, {"joinStrs", 2}, {"strs", -1}, {"tail", -1}, {"nilf", 0}, {"println", -1}}
	f := fns[g.r.Intn(len(fns))]
	n := f.arity
	if n < 0 {
		n = 1 + g.r.Intn(3)
	}
	if g.r.Intn(10) == 0 {
		n += g.r.Intn(3) - 1 // sometimes the wrong arity
		if n < 0 {
			n = 0
		}
	}
	parts := []string{f.name}
	for i := 0; i < n; i++ {
		parts = append(parts, g.operand(depth))
	}
	return strings.Join(parts, " ")
}

func (g *gen) expr(depth int) string {
	var e string
	if g.r.Intn(2) == 0 {
		e = g.operand(depth)
	} else {
		e = g.call(depth)
	}
	for g.r.Intn(4) == 0 {
		e += " | " + g.call(depth)
	}
	return e
}

func (g *gen) body(depth int) string {
	var sb strings.Builder
	n := 1 + g.r.Intn(3)
	for i := 0; i < n; i++ {
		switch k := g.r.Intn(10); {
		case k < 3:
			sb.WriteString(g.pick("a", " ", "\n", "x: ", "- "))
		case k < 6 || depth > 2:
			sb.WriteString("{{" + g.expr(0) + "}}")
		case k == 6:
			sb.WriteString("{{if " + g.expr(0) + "}}" + g.body(depth+1))
			if g.r.Intn(2) == 0 {
				sb.WriteString("{{else}}" + g.body(depth+1))
			}
			sb.WriteString("{{end}}")
		case k == 7:
			mark := len(g.vars)
			decl := g.pick("", "$v := ", "$i, $v := ")
			if decl != "" {
				g.vars = append(g.vars, "$v")
			}
			if strings.HasPrefix(decl, "$i") {
				g.vars = append(g.vars, "$i")
			}
			sb.WriteString("{{range " + decl + g.expr(0) + "}}" + g.body(depth+1))
			if g.r.Intn(3) == 0 {
				sb.WriteString("{{else}}" + g.body(depth+1))
			}
			sb.WriteString("{{end}}")
			g.vars = g.vars[:mark]
		case k == 8:
			sb.WriteString("{{with " + g.expr(0) + "}}" + g.body(depth+1) + "{{end}}")
		default:
			name := g.pick("$a", "$b")
			sb.WriteString("{{" + name + " := " + g.expr(0) + "}}")
			g.vars = append(g.vars, name)
		}
	}
	return sb.String()
}

func fuzzMain() {
	seed, soup, structured := int64(99), 800, 1000
	if v := os.Getenv("FUZZ_SEED"); v != "" {
		fmt.Sscan(v, &seed)
		soup, structured = 5000, 15000
	}
	r := rand.New(rand.NewSource(seed))
	var lines []string
	add := func(tpl, mode string) {
		out, errText := run(Case{Name: "fuzz", Tpl: tpl, Mode: mode})
		if len(out) > 400 {
			return // keep the data file small
		}
		lines = append(lines, "            "+javaString(mode+"\u0001"+tpl+"\u0001"+errText+"\u0001"+out)+",")
	}
	for i := 0; i < soup; i++ {
		var sb strings.Builder
		n := 2 + r.Intn(12)
		for j := 0; j < n; j++ {
			sb.WriteString(soupTokens[r.Intn(len(soupTokens))])
		}
		add(sb.String(), "")
	}
	for i := 0; i < structured; i++ {
		g := &gen{r: r}
		mode := ""
		if r.Intn(3) == 0 {
			mode = "error"
		}
		add(g.body(0), mode)
	}
	fmt.Print(`package dev.rset.core.template;

/**
 * Random templates (token soup and generated well-formed ones) run by real Go 1.24 (GENERATED by
 * {@code go run golden_gen.go fuzz}; do not edit by hand). Each entry is the missingkey mode,
 * the template, the error text and the output, separated by U+0001.
 */
final class GoldenFuzzCases {
    private GoldenFuzzCases() {
    }

    static final String[] ALL = {
`)
	fmt.Println(strings.TrimSuffix(strings.Join(lines, "\n"), ","))
	fmt.Print("    };\n}\n")
}
