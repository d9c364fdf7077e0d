package dev.rset.core.builder;

import dev.rset.core.template.FuncMap;
import dev.rset.core.template.Signature;
import dev.rset.core.template.Template;
import dev.rset.core.template.budget.RenderBudget;
import dev.rset.core.template.budget.RenderMeter;
import dev.rset.core.template.sprig.FluxFunctions;
import dev.rset.core.template.sprig.SprigFunctions;
import java.util.Map;

/**
 * Parses and executes ResourceSet templates the way the Flux Operator sets up Go's
 * text/template: named {@code resourceset}, delimiters {@code << >>}, slim-sprig's hermetic
 * functions plus {@code slugify}, {@code toYaml}, {@code mustToYaml}, {@code missingkey=error},
 * a nil dot, and {@code inputs} a function returning the input set.
 */
public final class TemplateRenderer {
    static final String NAME = "resourceset";
    private static final String INPUTS = "inputs";
    private static final FuncMap FUNCTIONS = new FuncMap()
            .putAll(SprigFunctions.hermetic())
            .putAll(FluxFunctions.extras())
            // Bound per execution; declared here so that parsing knows the name.
            .put(INPUTS, Signature.of(), args -> Map.of());

    private TemplateRenderer() {
    }

    public static Template parse(String text) {
        return Template.builder(NAME).delims("<<", ">>").funcs(FUNCTIONS).missingKeyError().parse(text);
    }

    /** Executes with {@code inputs} bound to {@code inputSet}; a null set reads as an empty map, as Go's nil map. */
    public static String execute(Template template, Map<String, Object> inputSet) {
        return execute(template, inputSet, RenderMeter.start(RenderBudget.DEFAULT));
    }

    /** Executes within what is left of {@code meter}'s budget (one meter per build). */
    public static String execute(Template template, Map<String, Object> inputSet, RenderMeter meter) {
        Map<String, Object> set = inputSet == null ? Map.of() : inputSet;
        FuncMap bindings = new FuncMap().put(INPUTS, Signature.of(), args -> set);
        return template.execute(null, bindings, meter);
    }
}
