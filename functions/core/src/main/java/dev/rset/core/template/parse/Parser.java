package dev.rset.core.template.parse;

import dev.rset.core.gotypes.GoFormat;
import dev.rset.core.template.parse.Node.ActionNode;
import dev.rset.core.template.parse.Node.BoolNode;
import dev.rset.core.template.parse.Node.BreakNode;
import dev.rset.core.template.parse.Node.ChainNode;
import dev.rset.core.template.parse.Node.CommandNode;
import dev.rset.core.template.parse.Node.ContinueNode;
import dev.rset.core.template.parse.Node.DotNode;
import dev.rset.core.template.parse.Node.FieldNode;
import dev.rset.core.template.parse.Node.IdentifierNode;
import dev.rset.core.template.parse.Node.IfNode;
import dev.rset.core.template.parse.Node.ListNode;
import dev.rset.core.template.parse.Node.NilNode;
import dev.rset.core.template.parse.Node.NumberNode;
import dev.rset.core.template.parse.Node.Operand;
import dev.rset.core.template.parse.Node.PipeNode;
import dev.rset.core.template.parse.Node.RangeNode;
import dev.rset.core.template.parse.Node.Statement;
import dev.rset.core.template.parse.Node.StringNode;
import dev.rset.core.template.parse.Node.TemplateNode;
import dev.rset.core.template.parse.Node.TextNode;
import dev.rset.core.template.parse.Node.VariableNode;
import dev.rset.core.template.parse.Node.WithNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A recursive-descent parser for one template tree, driven by the same three-token lookahead as
 * Go's, so that the line numbers in its errors ({@code template: NAME:LINE: ...}) match Go's.
 * {@code define} and {@code block} bodies are parsed by a nested parser sharing the lexer.
 */
public final class Parser {
    /** Nesting limit of parenthesised pipelines, as in Go. */
    private static final int MAX_STACK_DEPTH = 10000;
    private static final int MAX_PIPELINE_CMDS = 100000;

    /** What ends an item list: {@code {{end}}} or {@code {{else}}}; prints as Go's endNode/elseNode. */
    private record Terminator(boolean isElse, int pos, int line) {
        @Override
        public String toString() {
            return isElse ? "{{else}}" : "{{end}}";
        }
    }

    /** A parsed list and what ended it. */
    private record ListAndEnd(ListNode list, Terminator end) {
    }

    /** What {@code if}, {@code range} and {@code with} share. */
    private record Control(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) {
    }

    private final String parseName;
    private final Lexer lex;
    private final Predicate<String> isFunction;
    private final Map<String, Tree> treeSet;
    private String name;
    private final Item[] token = new Item[3];
    private int peekCount;
    private final List<String> vars = new ArrayList<>(List.of("$"));
    private int actionLine;
    private int rangeDepth;
    private int stackDepth;

    private Parser(String name, String parseName, Lexer lex, Predicate<String> isFunction, Map<String, Tree> treeSet) {
        this.name = name;
        this.parseName = parseName;
        this.lex = lex;
        this.isFunction = isFunction;
        this.treeSet = treeSet;
    }

    /**
     * Parses {@code text} into the set of trees it defines: the top-level one under {@code name}
     * plus one per {@code define} and {@code block}.
     *
     * @param isFunction whether a function name is defined (the FuncMap's and the builtins)
     * @throws ParseException with Go's message
     */
    public static Map<String, Tree> parse(String name, String text, String leftDelim, String rightDelim,
            Predicate<String> isFunction) {
        Lexer lex = new Lexer(text, leftDelim, rightDelim, !isFunction.test("break"), !isFunction.test("continue"));
        Map<String, Tree> treeSet = new LinkedHashMap<>();
        Parser p = new Parser(name, name, lex, isFunction, treeSet);
        try {
            p.add(p.parseTopLevel());
        } catch (StackOverflowError e) {
            throw new ParseException("template: " + name + ": max expression depth exceeded");
        }
        return treeSet;
    }

    // ---- token buffer ----

    private Item next() {
        if (peekCount > 0) {
            peekCount--;
        } else {
            token[0] = lex.nextItem();
        }
        return token[peekCount];
    }

    private void backup() {
        peekCount++;
    }

    private void backup2(Item t1) {
        token[1] = t1;
        peekCount = 2;
    }

    private void backup3(Item t2, Item t1) {
        token[1] = t1;
        token[2] = t2;
        peekCount = 3;
    }

    private Item peek() {
        if (peekCount > 0) {
            return token[peekCount - 1];
        }
        peekCount = 1;
        token[0] = lex.nextItem();
        return token[0];
    }

    private Item nextNonSpace() {
        Item t;
        do {
            t = next();
        } while (t.type() == ItemType.SPACE);
        return t;
    }

    private Item peekNonSpace() {
        Item t = nextNonSpace();
        backup();
        return t;
    }

    // ---- errors ----

    private ParseException error(String message) {
        int line = token[0] == null ? 0 : token[0].line();
        return new ParseException("template: " + parseName + ":" + line + ": " + message);
    }

    private Item expect(ItemType expected, String context) {
        Item t = nextNonSpace();
        if (t.type() != expected) {
            throw unexpected(t, context);
        }
        return t;
    }

    private ParseException unexpected(Item t, String context) {
        if (t.type() == ItemType.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != t.line()) {
                extra = " in action started at " + parseName + ":" + actionLine;
                if (t.val().endsWith(" action")) {
                    extra = extra.substring(" in action".length()); // avoid "action in action"
                }
            }
            return error(t + extra);
        }
        return error("unexpected " + t + " in " + context);
    }

    // ---- trees ----

    /** Records this tree in the set; an empty tree never replaces a non-empty definition. */
    private void add(ListNode root) {
        Tree existing = treeSet.get(name);
        if (existing == null || Tree.isEmpty(existing.root())) {
            treeSet.put(name, new Tree(name, root));
            return;
        }
        if (!Tree.isEmpty(root)) {
            throw error("template: multiple definition of template " + GoFormat.quote(name));
        }
    }

    private ListNode parseTopLevel() {
        int pos = peek().pos();
        List<Statement> nodes = new ArrayList<>();
        while (peek().type() != ItemType.EOF) {
            if (peek().type() == ItemType.LEFT_DELIM) {
                Item delim = next();
                if (nextNonSpace().type() == ItemType.DEFINE) {
                    new Parser("definition", parseName, lex, isFunction, treeSet).parseDefinition();
                    continue;
                }
                backup2(delim);
            }
            Object n = textOrAction();
            if (n instanceof Terminator end) {
                throw error("unexpected " + end);
            }
            nodes.add((Statement) n);
        }
        return new ListNode(pos, nodes);
    }

    /** {@code define "name"} has been read; parses up to the matching end. */
    private void parseDefinition() {
        String context = "define clause";
        Item nameToken = nextNonSpace();
        if (nameToken.type() != ItemType.STRING && nameToken.type() != ItemType.RAW_STRING) {
            throw unexpected(nameToken, context);
        }
        name = unquote(nameToken.val());
        expect(ItemType.RIGHT_DELIM, context);
        ListAndEnd body = itemList();
        if (body.end().isElse()) {
            throw error("unexpected " + body.end() + " in " + context);
        }
        add(body.list());
    }

    /** textOrAction* up to {@code {{end}}} or {@code {{else}}}. */
    private ListAndEnd itemList() {
        int pos = peekNonSpace().pos();
        List<Statement> nodes = new ArrayList<>();
        while (peekNonSpace().type() != ItemType.EOF) {
            Object n = textOrAction();
            if (n instanceof Terminator end) {
                return new ListAndEnd(new ListNode(pos, nodes), end);
            }
            nodes.add((Statement) n);
        }
        throw error("unexpected EOF");
    }

    /** A Statement, or a Terminator. */
    private Object textOrAction() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case TEXT:
                return new TextNode(t.pos(), t.val());
            case LEFT_DELIM:
                actionLine = t.line();
                try {
                    return action();
                } finally {
                    actionLine = 0;
                }
            default:
                throw unexpected(t, "input");
        }
    }

    private Object action() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case BLOCK:
                return blockControl();
            case BREAK:
                return breakControl(t, "{{break}}");
            case CONTINUE:
                return breakControl(t, "{{continue}}");
            case ELSE:
                return elseControl();
            case END:
                return new Terminator(false, expect(ItemType.RIGHT_DELIM, "end").pos(), 0);
            case IF:
                return ifControl();
            case RANGE:
                return rangeControl();
            case TEMPLATE:
                return templateControl();
            case WITH:
                return withControl();
            default:
                break;
        }
        backup();
        Item first = peek();
        // Variables declared here persist until the enclosing end.
        return new ActionNode(first.pos(), first.line(), pipeline("command", ItemType.RIGHT_DELIM));
    }

    private Statement breakControl(Item keyword, String context) {
        Item t = nextNonSpace();
        if (t.type() != ItemType.RIGHT_DELIM) {
            throw unexpected(t, context);
        }
        if (rangeDepth == 0) {
            throw error(context + " outside {{range}}");
        }
        return keyword.type() == ItemType.BREAK
                ? new BreakNode(keyword.pos(), keyword.line())
                : new ContinueNode(keyword.pos(), keyword.line());
    }

    // ---- pipelines ----

    private PipeNode pipeline(String context, ItemType end) {
        Item start = peekNonSpace();
        List<VariableNode> decl = new ArrayList<>();
        boolean isAssign = false;
        boolean again = true;
        while (again) {
            again = false;
            Item v = peekNonSpace();
            if (v.type() != ItemType.VARIABLE) {
                break;
            }
            next();
            // Space is a token, so "$x foo" needs three tokens of lookahead to tell an argument
            // from a declaration: remember the token after the variable to push it back.
            Item tokenAfterVariable = peek();
            Item following = peekNonSpace();
            if (following.type() == ItemType.ASSIGN || following.type() == ItemType.DECLARE) {
                isAssign = following.type() == ItemType.ASSIGN;
                nextNonSpace();
                decl.add(newVariable(v.pos(), v.val()));
                vars.add(v.val());
            } else if (following.type() == ItemType.CHAR && following.val().equals(",")) {
                nextNonSpace();
                decl.add(newVariable(v.pos(), v.val()));
                vars.add(v.val());
                if (context.equals("range") && decl.size() < 2) {
                    ItemType k = peekNonSpace().type();
                    if (k == ItemType.VARIABLE || k == ItemType.RIGHT_DELIM || k == ItemType.RIGHT_PAREN) {
                        again = true; // the second variable of a range
                        continue;
                    }
                    throw error("range can only initialize variables");
                }
                throw error("too many declarations in " + context);
            } else if (tokenAfterVariable.type() == ItemType.SPACE) {
                backup3(v, tokenAfterVariable);
            } else {
                backup2(v);
            }
        }
        List<CommandNode> cmds = new ArrayList<>();
        while (true) {
            Item t = nextNonSpace();
            if (t.type() == end) {
                checkPipeline(cmds, context);
                return new PipeNode(start.pos(), start.line(), isAssign, decl, cmds);
            }
            switch (t.type()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
                        VARIABLE, LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                    if (cmds.size() > MAX_PIPELINE_CMDS) {
                        throw error("pipeline too long");
                    }
                }
                default -> throw unexpected(t, context);
            }
        }
    }

    private void checkPipeline(List<CommandNode> cmds, String context) {
        if (cmds.isEmpty()) {
            throw error("missing value for " + context);
        }
        // Only the first command of a pipeline can start with a non-executable operand.
        for (int i = 1; i < cmds.size(); i++) {
            Operand first = cmds.get(i).args().get(0);
            if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
                    || first instanceof NumberNode || first instanceof StringNode) {
                throw error("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private Control parseControl(String context) {
        int mark = vars.size();
        try {
            PipeNode pipe = pipeline(context, ItemType.RIGHT_DELIM);
            if (context.equals("range")) {
                rangeDepth++;
            }
            ListAndEnd body = itemList();
            if (context.equals("range")) {
                rangeDepth--;
            }
            ListNode elseList = null;
            Terminator end = body.end();
            if (end.isElse()) {
                // "else if" and "else with" are parsed as an else holding a nested if/with whose
                // end also ends this one.
                if (context.equals("if") && peek().type() == ItemType.IF) {
                    next();
                    elseList = new ListNode(end.pos(), List.of(ifControl()));
                } else if (context.equals("with") && peek().type() == ItemType.WITH) {
                    next();
                    elseList = new ListNode(end.pos(), List.of(withControl()));
                } else {
                    ListAndEnd alt = itemList();
                    if (alt.end().isElse()) {
                        throw error("expected end; found " + alt.end());
                    }
                    elseList = alt.list();
                }
            }
            return new Control(pipe.pos(), pipe.line(), pipe, body.list(), elseList);
        } finally {
            vars.subList(mark, vars.size()).clear();
        }
    }

    private IfNode ifControl() {
        Control c = parseControl("if");
        return new IfNode(c.pos(), c.line(), c.pipe(), c.list(), c.elseList());
    }

    private RangeNode rangeControl() {
        Control c = parseControl("range");
        return new RangeNode(c.pos(), c.line(), c.pipe(), c.list(), c.elseList());
    }

    private WithNode withControl() {
        Control c = parseControl("with");
        return new WithNode(c.pos(), c.line(), c.pipe(), c.list(), c.elseList());
    }

    private Terminator elseControl() {
        Item p = peekNonSpace();
        // "else if" / "else with": leave the keyword for parseControl.
        if (p.type() == ItemType.IF || p.type() == ItemType.WITH) {
            return new Terminator(true, p.pos(), p.line());
        }
        Item t = expect(ItemType.RIGHT_DELIM, "else");
        return new Terminator(true, t.pos(), t.line());
    }

    /** {@code block "name" pipeline}: defines the template and calls it. */
    private TemplateNode blockControl() {
        String context = "block clause";
        Item t = nextNonSpace();
        String blockName = parseTemplateName(t, context);
        PipeNode pipe = pipeline(context, ItemType.RIGHT_DELIM);
        Parser block = new Parser(blockName, parseName, lex, isFunction, treeSet);
        ListAndEnd body = block.itemList();
        if (body.end().isElse()) {
            throw error("unexpected " + body.end() + " in " + context);
        }
        block.add(body.list());
        return new TemplateNode(t.pos(), t.line(), blockName, pipe);
    }

    private TemplateNode templateControl() {
        String context = "template clause";
        Item t = nextNonSpace();
        String templateName = parseTemplateName(t, context);
        PipeNode pipe = null;
        if (nextNonSpace().type() != ItemType.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, ItemType.RIGHT_DELIM);
        }
        return new TemplateNode(t.pos(), t.line(), templateName, pipe);
    }

    private String parseTemplateName(Item t, String context) {
        if (t.type() == ItemType.STRING || t.type() == ItemType.RAW_STRING) {
            return unquote(t.val());
        }
        throw unexpected(t, context);
    }

    private String unquote(String literal) {
        String s = Strconv.unquote(literal);
        if (s == null) {
            throw error(Strconv.INVALID_SYNTAX);
        }
        return s;
    }

    // ---- commands and operands ----

    /** Space-separated operands up to a pipe (consumed) or a right delimiter/paren (left). */
    private CommandNode command() {
        int pos = peekNonSpace().pos();
        List<Operand> args = new ArrayList<>();
        while (true) {
            peekNonSpace(); // skip leading spaces
            Operand operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Item t = next();
            if (t.type() == ItemType.SPACE) {
                continue;
            }
            if (t.type() == ItemType.RIGHT_DELIM || t.type() == ItemType.RIGHT_PAREN) {
                backup();
            } else if (t.type() != ItemType.PIPE) {
                throw unexpected(t, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw error("empty command");
        }
        return new CommandNode(pos, args);
    }

    /** A term possibly followed by field accesses; null when the next token is not an operand. */
    private Operand operand() {
        Operand node = term();
        if (node == null) {
            return null;
        }
        if (peek().type() == ItemType.FIELD) {
            int chainPos = peek().pos();
            List<String> fields = new ArrayList<>();
            while (peek().type() == ItemType.FIELD) {
                fields.add(next().val().substring(1));
            }
            ChainNode chain = new ChainNode(chainPos, node, fields);
            // Fields on a field or variable extend it (at the position of the chain, as in Go);
            // fields on a literal cannot work.
            if (node instanceof FieldNode) {
                return new FieldNode(chainPos, splitFields(chain.toString().substring(1)));
            }
            if (node instanceof VariableNode) {
                return newVariable(chainPos, chain.toString());
            }
            if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
                    || node instanceof NilNode || node instanceof DotNode) {
                throw error("unexpected . after term " + GoFormat.quote(node.toString()));
            }
            return chain;
        }
        return node;
    }

    private Operand term() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case IDENTIFIER:
                if (!isFunction.test(t.val())) {
                    throw error("function " + GoFormat.quote(t.val()) + " not defined");
                }
                return new IdentifierNode(t.pos(), t.val());
            case DOT:
                return new DotNode(t.pos());
            case NIL:
                return new NilNode(t.pos());
            case VARIABLE:
                return useVar(t.pos(), t.val());
            case FIELD:
                return new FieldNode(t.pos(), splitFields(t.val().substring(1)));
            case BOOL:
                return new BoolNode(t.pos(), t.val().equals("true"));
            case CHAR_CONSTANT:
            case COMPLEX:
            case NUMBER:
                try {
                    return NumberParser.parse(t.pos(), t.val(), t.type());
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
            case LEFT_PAREN:
                if (stackDepth >= MAX_STACK_DEPTH) {
                    throw error("max expression depth exceeded");
                }
                stackDepth++;
                try {
                    return pipeline("parenthesized pipeline", ItemType.RIGHT_PAREN);
                } finally {
                    stackDepth--;
                }
            case STRING:
            case RAW_STRING:
                return new StringNode(t.pos(), t.val(), unquote(t.val()));
            default:
                backup();
                return null;
        }
    }

    private static List<String> splitFields(String dotted) {
        return Arrays.asList(dotted.split("\\.", -1));
    }

    private static VariableNode newVariable(int pos, String ident) {
        return new VariableNode(pos, splitFields(ident));
    }

    private VariableNode useVar(int pos, String varName) {
        VariableNode v = newVariable(pos, varName);
        if (!vars.contains(v.name())) {
            throw error("undefined variable " + GoFormat.quote(v.name()));
        }
        return v;
    }
}
