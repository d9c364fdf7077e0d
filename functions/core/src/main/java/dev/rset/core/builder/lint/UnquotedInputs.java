package dev.rset.core.builder.lint;

import dev.rset.core.api.ResourceSet;
import dev.rset.core.api.ResourceSetStep;
import dev.rset.core.template.parse.Node;
import dev.rset.core.template.parse.Node.ActionNode;
import dev.rset.core.template.parse.Node.Branch;
import dev.rset.core.template.parse.Node.ChainNode;
import dev.rset.core.template.parse.Node.CommandNode;
import dev.rset.core.template.parse.Node.IdentifierNode;
import dev.rset.core.template.parse.Node.ListNode;
import dev.rset.core.template.parse.Node.PipeNode;
import dev.rset.core.template.parse.Node.StringNode;
import dev.rset.core.template.parse.Node.TextNode;
import dev.rset.core.template.parse.Node.VariableNode;
import dev.rset.core.template.parse.ParseException;
import dev.rset.core.template.parse.Parser;
import dev.rset.core.template.parse.Tree;
import dev.rset.core.yaml.GoYaml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where a ResourceSet prints a provider's free-text inputs ({@code branch}, {@code title},
 * {@code author}, {@code tag}, also nested under a provider's name with {@code Permute}) as they
 * are, in a place YAML reads as a scalar: a branch git accepts ({@code yes}, {@code {injected}},
 * {@code 'x}, {@code @x}, <code>}</code>) then becomes a boolean or a map, or breaks the object,
 * and a title can add objects of its own. Printing through {@code quote}, {@code slugify},
 * {@code toJson} and other functions whose result YAML cannot misread is fine,
 * and so is text inside a block scalar ({@code |}, {@code >}) or a comment. Reads the parse tree
 * only; templates that do not parse are left to the build, which reports them.
 */
public final class UnquotedInputs {
    private static final Set<String> FREE_TEXT = Set.of("branch", "title", "author", "tag");
    /**
     * Functions whose result YAML reads back as what they meant: quoted with escapes, a slug, JSON, a
     * number, a boolean. Not {@code squote}: it escapes nothing, so {@code 'x} or a line break escape it.
     */
    private static final Set<String> SAFE = Set.of("quote", "slugify", "toJson", "toRawJson", "mustToJson",
            "mustToRawJson", "toPrettyJson", "mustToPrettyJson", "toYaml", "mustToYaml", "sha1sum", "sha256sum",
            "adler32sum", "b64enc", "b32enc", "urlquery", "len", "int", "int64", "float64", "atoi", "eq", "ne", "lt",
            "le", "gt", "ge", "not", "and", "or", "empty", "contains", "hasPrefix", "hasSuffix", "regexMatch", "has",
            "hasKey", "kindIs", "typeIs");

    private final String template;
    private final String text;
    private final List<UnquotedInput> found = new ArrayList<>();
    private final Set<String> tainted = new HashSet<>();
    /** The current line's text so far; an action's output counts as one opaque character. */
    private final StringBuilder line = new StringBuilder();
    /** Indentation of the line that opened the block scalar we are in, or -1. */
    private int blockParent = -1;

    private UnquotedInputs(String template, String text) {
        this.template = template;
        this.text = text;
    }

    /** Every place the ResourceSet prints a provider's free-text input unquoted; none without {@code inputsFrom}. */
    public static List<UnquotedInput> in(ResourceSet rset) {
        List<UnquotedInput> out = new ArrayList<>();
        if (rset.spec().inputsFrom().isEmpty()) {
            return out;
        }
        scan("", rset.spec().resources(), rset.spec().resourcesTemplate(), out);
        List<ResourceSetStep> steps = rset.spec().steps();
        for (int i = 0; i < steps.size(); i++) {
            scan("steps[" + i + "].", steps.get(i).resources(), steps.get(i).resourcesTemplate(), out);
        }
        return out;
    }

    private static void scan(String prefix, List<Map<String, Object>> resources, String resourcesTemplate,
            List<UnquotedInput> out) {
        for (int i = 0; i < resources.size(); i++) {
            // The build renders each resource as the YAML it marshals to: its quotes are not the user's.
            out.addAll(in(prefix + "resources[" + i + "]", GoYaml.marshal(resources.get(i))));
        }
        if (!resourcesTemplate.isEmpty()) {
            out.addAll(in(prefix + "resourcesTemplate", resourcesTemplate));
        }
    }

    /** The findings in one template's text, named {@code template}. */
    public static List<UnquotedInput> in(String template, String text) {
        Map<String, Tree> trees;
        try {
            trees = Parser.parse(template, text, "<<", ">>", f -> !f.equals("break") && !f.equals("continue"));
        } catch (ParseException | StackOverflowError e) {
            return List.of();
        }
        UnquotedInputs scan = new UnquotedInputs(template, text);
        scan.walk(trees.get(template).root());
        return List.copyOf(scan.found);
    }

    private void walk(ListNode list) {
        if (list == null) {
            return;
        }
        for (Node n : list.nodes()) {
            if (n instanceof TextNode t) {
                text(t.text());
            } else if (n instanceof ActionNode a) {
                action(a);
            } else if (n instanceof Branch b) {
                taint(b.pipe());
                walk(b.list());
                walk(b.elseList());
            }
        }
    }

    private void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                endLine();
            } else {
                line.append(c);
            }
        }
    }

    private void endLine() {
        String l = line.toString();
        int indent = indent(l);
        if (blockParent >= 0 && !l.isBlank() && indent <= blockParent) {
            blockParent = -1;
        }
        if (blockParent < 0 && l.stripTrailing().matches("(.*[:-]\\s+|\\s*)[|>][-+0-9]*")) {
            blockParent = indent;
        }
        line.setLength(0);
    }

    private void action(ActionNode a) {
        PipeNode pipe = a.pipe();
        if (!pipe.decl().isEmpty()) {
            taint(pipe);
            return;
        }
        String before = line.toString();
        line.append('x');
        boolean inBlock = blockParent >= 0 && indent(before) > blockParent;
        boolean inComment = before.stripLeading().startsWith("#") || before.contains(" #");
        String input = inputIn(pipe);
        if (input == null || inBlock || inComment || safe(pipe)) {
            return;
        }
        int lineNo = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(a.pos(), text.length()); i++) {
            if (text.charAt(i) == '\n') {
                lineNo++;
                lineStart = i + 1;
            }
        }
        // pos is the pipeline's; the action starts at its delimiter
        int start = text.lastIndexOf("<<", a.pos());
        int column = (start < lineStart ? a.pos() : start) - lineStart + 1;
        found.add(new UnquotedInput(template, lineNo, column, "<< " + pipe + " >>", input));
    }

    /** A pipeline that declares variables from a free-text input taints them. */
    private void taint(PipeNode pipe) {
        if (pipe != null && !pipe.decl().isEmpty() && inputIn(pipe) != null && !safe(pipe)) {
            pipe.decl().forEach(v -> tainted.add(v.name()));
        }
    }

    private static boolean safe(PipeNode pipe) {
        CommandNode last = pipe.cmds().get(pipe.cmds().size() - 1);
        return !last.args().isEmpty() && last.args().get(0) instanceof IdentifierNode id && SAFE.contains(id.ident());
    }

    /** The free-text input the pipeline reads ({@code inputs.branch}), or null. */
    private String inputIn(PipeNode pipe) {
        for (CommandNode c : pipe.cmds()) {
            List<Node.Operand> args = c.args();
            boolean lookup = !args.isEmpty() && args.get(0) instanceof IdentifierNode id
                    && (id.ident().equals("get") || id.ident().equals("index") || id.ident().equals("dig"));
            boolean readsInputs = false;
            for (Node.Operand o : args) {
                String found = operand(o);
                if (found != null) {
                    return found;
                }
                readsInputs |= o instanceof IdentifierNode id && id.ident().equals("inputs");
                if (lookup && readsInputs && o instanceof StringNode s && FREE_TEXT.contains(s.text())) {
                    return "inputs." + s.text();
                }
            }
        }
        return null;
    }

    private String operand(Node.Operand o) {
        if (o instanceof ChainNode ch && ch.node() instanceof IdentifierNode id && id.ident().equals("inputs")
                && !ch.fields().isEmpty() && FREE_TEXT.contains(ch.fields().get(ch.fields().size() - 1))) {
            return "inputs." + String.join(".", ch.fields());
        }
        if (o instanceof VariableNode v && tainted.contains(v.name())) {
            return v.name();
        }
        if (o instanceof PipeNode p && !safe(p)) {
            return inputIn(p);
        }
        return null;
    }

    private static int indent(String l) {
        int n = 0;
        while (n < l.length() && l.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
