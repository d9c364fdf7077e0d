package dev.rset.core.template;

import dev.rset.core.template.budget.RenderBudget;
import dev.rset.core.template.budget.RenderMeter;
import dev.rset.core.template.parse.Node;
import dev.rset.core.template.parse.ParseException;
import dev.rset.core.template.parse.Parser;
import dev.rset.core.template.parse.Tree;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A parsed Go {@code text/template}: the top-level template and those it defines. Immutable and
 * safe to execute from many threads; parse once, execute many times.
 *
 * <pre>
 * Template t = Template.builder("resourceset").delims("&lt;&lt;", "&gt;&gt;").funcs(funcs)
 *         .missingKeyError().parse(text);
 * String out = t.execute(null, bindings);
 * </pre>
 */
public final class Template {
    private final String name;
    private final String text;
    private final Map<String, Tree> trees;
    /** Builtins, overridden by the FuncMap as in Go (e.g. sprig's {@code slice}). */
    private final Map<String, TemplateFunction> functions;
    private final MissingKey missingKey;

    /**
     * The budget of an execution without a caller's meter: {@link RenderBudget#DEFAULT}, except that
     * template calls may nest as deep as Go allows, so the engine alone reports what Go reports.
     */
    private static final RenderBudget OWN_BUDGET =
            RenderBudget.DEFAULT.withMaxTemplateDepth(RenderBudget.GO_MAX_TEMPLATE_DEPTH);

    private Template(String name, String text, Map<String, Tree> trees, Map<String, TemplateFunction> functions,
            MissingKey missingKey) {
        this.name = name;
        this.text = text;
        this.trees = trees;
        this.functions = functions;
        this.missingKey = missingKey;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The names of all templates in the set: this one and every define/block. */
    public Set<String> templateNames() {
        return Collections.unmodifiableSet(trees.keySet());
    }

    /**
     * Executes the template.
     *
     * @param dot the data ({@code .}); null for none
     * @param bindings functions that supply or override FuncMap entries for this execution, such
     *     as a per-input-set {@code inputs}; may be null. Only names known when parsing can be
     *     called, as Go resolves function names at parse time.
     * @throws TemplateException with Go's error text, or a {@code render budget exceeded} error
     *     once {@link RenderBudget#DEFAULT} is spent (template calls may nest as deep as in Go)
     */
    public String execute(Object dot, FuncMap bindings) {
        return execute(dot, bindings, RenderMeter.start(OWN_BUDGET));
    }

    /** Executes within what is left of {@code meter}'s budget, which several executions may share. */
    public String execute(Object dot, FuncMap bindings, RenderMeter meter) {
        StringBuilder sb = new StringBuilder(text.length() + 64);
        execute(sb, dot, bindings, meter);
        return sb.toString();
    }

    /** Executes into {@code sb}; on error, the output written so far stays in {@code sb}, as in Go. */
    public void execute(StringBuilder sb, Object dot, FuncMap bindings) {
        execute(sb, dot, bindings, RenderMeter.start(OWN_BUDGET));
    }

    /** Executes into {@code sb} within {@code meter}'s budget. */
    public void execute(StringBuilder sb, Object dot, FuncMap bindings, RenderMeter meter) {
        new Executor(this, bindings, sb, meter).execute(trees.get(name), dot);
    }

    Tree lookup(String templateName) {
        return trees.get(templateName);
    }

    TemplateFunction function(String functionName) {
        return functions.get(functionName);
    }

    MissingKey missingKey() {
        return missingKey;
    }

    /** Go's {@code ErrorContext} location: {@code NAME:LINE:COL}, COL the 0-based byte offset in the line. */
    String location(Node n) {
        int pos = Math.min(n.pos(), text.length());
        int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
        int line = 1;
        for (int i = 0; i < lineStart; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        int col = text.substring(lineStart, pos).getBytes(StandardCharsets.UTF_8).length;
        return name + ":" + line + ":" + col;
    }

    /** Collects the options Go sets with {@code Delims}, {@code Funcs} and {@code Option}. */
    public static final class Builder {
        private final String name;
        private String leftDelim = "{{";
        private String rightDelim = "}}";
        private final FuncMap funcs = new FuncMap();
        private MissingKey missingKey = MissingKey.INVALID;

        private Builder(String name) {
            this.name = name;
        }

        /** Action delimiters; an empty string means the default {@code {{} or {@code }}}. */
        public Builder delims(String left, String right) {
            this.leftDelim = left == null || left.isEmpty() ? "{{" : left;
            this.rightDelim = right == null || right.isEmpty() ? "}}" : right;
            return this;
        }

        /** Functions the template may call; their names must be known when parsing. */
        public Builder funcs(FuncMap funcMap) {
            funcs.putAll(funcMap);
            return this;
        }

        /** Go's {@code Option("missingkey=error")}. */
        public Builder missingKeyError() {
            missingKey = MissingKey.ERROR;
            return this;
        }

        /** Go's {@code Option}: {@code missingkey=default|invalid|zero|error}. */
        public Builder option(String option) {
            missingKey = MissingKey.parseOption(option);
            return this;
        }

        /** @throws TemplateException with Go's parse error text */
        public Template parse(String text) {
            Map<String, TemplateFunction> functions = new HashMap<>(Builtin.ALL);
            for (String f : funcs.names()) {
                functions.put(f, funcs.get(f));
            }
            Map<String, Tree> trees;
            try {
                trees = Parser.parse(name, text, leftDelim, rightDelim, functions::containsKey);
            } catch (ParseException e) {
                throw new TemplateException(TemplateException.Phase.PARSE, e.getMessage());
            }
            return new Template(name, text, Map.copyOf(trees), Map.copyOf(functions), missingKey);
        }
    }
}
