package dev.rset.core.template;

import dev.rset.core.gotypes.GoFormat;
import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.gotypes.GoTypes;
import dev.rset.core.template.Values.GoComplex;
import dev.rset.core.template.budget.RenderBudgetExceeded;
import dev.rset.core.template.budget.RenderMeter;
import dev.rset.core.template.parse.Node;
import dev.rset.core.template.parse.Node.ActionNode;
import dev.rset.core.template.parse.Node.BoolNode;
import dev.rset.core.template.parse.Node.Branch;
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
import dev.rset.core.template.parse.Tree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One execution of a template: walks the tree, evaluates pipelines and writes the output. It
 * follows the structure of Go's {@code exec.go} closely because error messages name the node
 * being evaluated ({@code at <NODE>}), so the executor must be "at" the same node as Go's when an
 * error happens. Not thread-safe; {@link Template} creates one per call.
 */
final class Executor {
    /** Go's limit on nested template calls. */
    static final int MAX_EXEC_DEPTH = 100000;

    /** Below this many nested template calls a stack overflow is not blamed on recursion. */
    private static final int MIN_DEPTH_FOR_OVERFLOW = 256;

    /** The argument of a command that is not a function call: marks "no value piped in". */
    private static final Object MISSING = new Object();

    /** The parameter type of {@code reflect.Value} parameters (builtins), and "no type" (chain heads). */
    private static final Object VALUE = new Object();
    private static final Object NO_TYPE = new Object();

    /** Unwinds to the enclosing range; carries no stack trace, like Go's sentinel panics. */
    private static final class Signal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Signal(String name) {
            super(name, null, false, false);
        }
    }

    private static final Signal BREAK = new Signal("break");
    private static final Signal CONTINUE = new Signal("continue");

    private final Template template;
    private final FuncMap bindings;
    private final StringBuilder out;
    private final RenderMeter meter;

    // The variable stack; a template call starts a frame at varBase (no dynamic scoping).
    private String[] varNames = new String[16];
    private Object[] varValues = new Object[16];
    /** Whether the variable holds a container element, whose static Go type is interface{}. */
    private boolean[] varIface = new boolean[16];
    private int varCount;
    private int varBase;

    private int depth;
    private int maxDepth;
    /** Extents of the lists and maps seen in this execution; see {@link #measure}. */
    private IdentityHashMap<Object, Extent> extents;
    private String tmplName;
    private Node node;
    /** The innermost template call, reported if the Java stack runs out before MAX_EXEC_DEPTH. */
    private TemplateNode lastCall;
    private String lastCallOwner;

    Executor(Template template, FuncMap bindings, StringBuilder out, RenderMeter meter) {
        this.template = template;
        this.bindings = bindings;
        this.out = out;
        this.meter = meter;
    }

    void execute(Tree tree, Object data) {
        tmplName = tree.name();
        push("$", data, false);
        try {
            walk(data, false, tree.root());
        } catch (RenderBudgetExceeded e) {
            // Raised by the meter between function calls: reported at the node being executed.
            throw error(e.getMessage());
        } catch (StackOverflowError e) {
            // Only deep template recursion exhausts the stack; Go reports it at its own limit.
            if (lastCall != null && maxDepth >= MIN_DEPTH_FOR_OVERFLOW) {
                tmplName = lastCallOwner;
                node = lastCall;
                throw error("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
            }
            throw error("stack overflow");
        }
    }

    // ---- errors ----

    private void at(Node n) {
        node = n;
    }

    /** Go's {@code state.errorf}: the message prefixed with the location and the current node. */
    private TemplateException error(String message) {
        String text;
        if (node == null) {
            text = "template: " + tmplName + ": " + message;
        } else {
            text = "template: " + template.location(node) + ": executing " + GoFormat.quote(tmplName) + " at <"
                    + node + ">: " + message;
        }
        return new TemplateException(TemplateException.Phase.EXECUTE, text);
    }

    // ---- variables ----

    private void push(String name, Object value, boolean iface) {
        if (varCount == varNames.length) {
            int n = varCount * 2;
            varNames = Arrays.copyOf(varNames, n);
            varValues = Arrays.copyOf(varValues, n);
            varIface = Arrays.copyOf(varIface, n);
        }
        varNames[varCount] = name;
        varValues[varCount] = value;
        varIface[varCount] = iface;
        varCount++;
    }

    private void pop(int mark) {
        for (int i = mark; i < varCount; i++) {
            varValues[i] = null;
        }
        varCount = mark;
    }

    private int findVar(String name) {
        for (int i = varCount - 1; i >= varBase; i--) {
            if (varNames[i].equals(name)) {
                return i;
            }
        }
        throw error("undefined variable: " + name);
    }

    /** {@code $x = value}: overwrites the most recently declared {@code $x}. */
    private void setVar(String name, Object value, boolean iface) {
        int i = findVar(name);
        varValues[i] = value;
        varIface[i] = iface;
    }

    /** Overwrites the n-th variable from the top of the stack (range iteration variables). */
    private void setTopVar(int n, Object value, boolean iface) {
        varValues[varCount - n] = value;
        varIface[varCount - n] = iface;
    }

    // ---- walking ----

    private void walk(Object dot, boolean dotIface, Node n) {
        // One method with its own catch: an extra frame per level would cost nesting depth.
        try {
            at(n);
            if (n instanceof ListNode l) {
                // A list is only a container: its statements are what count as steps.
                List<Statement> nodes = l.nodes();
                for (int i = 0, size = nodes.size(); i < size; i++) {
                    walk(dot, dotIface, nodes.get(i));
                }
                return;
            }
            meter.step();
            if (n instanceof TextNode t) {
                meter.output(t.text().length());
                out.append(t.text());
            } else if (n instanceof ActionNode a) {
                // Variables declared by an action persist until the enclosing end.
                Object val = evalPipeline(dot, dotIface, a.pipe());
                if (a.pipe().decl().isEmpty()) {
                    printValue(a, val);
                }
            } else if (n instanceof IfNode || n instanceof WithNode) {
                walkIfOrWith((Branch) n, dot, dotIface);
            } else if (n instanceof RangeNode r) {
                walkRange(dot, dotIface, r);
            } else if (n instanceof TemplateNode t) {
                walkTemplate(dot, dotIface, t);
            } else if (n instanceof BreakNode) {
                throw BREAK;
            } else if (n instanceof ContinueNode) {
                throw CONTINUE;
            } else {
                throw error("unknown node: " + n);
            }
        } catch (RenderBudgetExceeded e) {
            // Reported where it happened, before enclosing template calls restore their state.
            throw error(e.getMessage());
        }
    }

    private void walkIfOrWith(Branch b, Object dot, boolean dotIface) {
        int mark = varCount;
        try {
            Object val = evalPipeline(dot, dotIface, b.pipe());
            if (Values.isTrue(val)) {
                if (b instanceof WithNode) {
                    walk(val, false, b.list());
                } else {
                    walk(dot, dotIface, b.list());
                }
            } else if (b.elseList() != null) {
                walk(dot, dotIface, b.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, boolean dotIface, RangeNode r) {
        at(r);
        int outerMark = varCount;
        try {
            Object val = evalPipeline(dot, dotIface, r.pipe());
            int mark = varCount; // before any variable of the body
            boolean ran = false;
            if (val instanceof GoInt || val instanceof Long || val instanceof Values.GoByte) {
                // Go 1.22: range over an integer n yields 0..n-1 of the same type.
                if (r.pipe().decl().size() > 1) {
                    throw error("can't use " + GoFormat.sprint(val) + " to iterate over more than one variable");
                }
                long n = val instanceof Values.GoByte b ? b.value() : ((Number) val).longValue();
                for (long i = 0; i < n; i++) {
                    ran = true;
                    Object v = val instanceof GoInt ? GoInt.of(i)
                            : val instanceof Long ? (Object) i : new Values.GoByte((int) i);
                    oneIteration(r, mark, null, v, false);
                }
            } else if (val instanceof List<?> list) {
                boolean iface = !(list instanceof GoTypedList);
                for (int i = 0; i < list.size(); i++) {
                    ran = true;
                    Object e = list.get(i);
                    oneIteration(r, mark, GoInt.of(i), iface ? Values.element(e) : e, iface);
                }
            } else if (val instanceof Map<?, ?> map) {
                List<String> keys = new ArrayList<>(map.size());
                for (Object k : map.keySet()) {
                    keys.add((String) k);
                }
                keys.sort(GoFormat::compareStrings);
                for (String k : keys) {
                    ran = true;
                    oneIteration(r, mark, k, Values.element(map.get(k)), true);
                }
            } else if (val != null) {
                throw error("range can't iterate over " + GoFormat.sprint(val));
            }
            if (!ran && r.elseList() != null) {
                walk(dot, dotIface, r.elseList());
            }
        } catch (Signal s) {
            if (s != BREAK) {
                throw s;
            }
        } finally {
            pop(outerMark);
        }
    }

    private void oneIteration(RangeNode r, int mark, Object index, Object elem, boolean elemIface) {
        List<VariableNode> decl = r.pipe().decl();
        if (!decl.isEmpty()) {
            if (r.pipe().isAssign()) {
                // With two variables the index comes first; with one, the element.
                if (decl.size() > 1) {
                    setVar(decl.get(0).name(), index, false);
                } else {
                    setVar(decl.get(0).name(), elem, elemIface);
                }
            } else {
                setTopVar(1, elem, elemIface); // lexically the last variable
            }
        }
        if (decl.size() > 1) {
            if (r.pipe().isAssign()) {
                setVar(decl.get(1).name(), elem, elemIface);
            } else {
                setTopVar(2, index, false);
            }
        }
        at(r);
        meter.step();
        try {
            walk(elem, elemIface, r.list());
        } catch (Signal s) {
            if (s != CONTINUE) {
                throw s;
            }
        } finally {
            pop(mark);
        }
    }

    private void walkTemplate(Object dot, boolean dotIface, TemplateNode t) {
        at(t);
        Tree tree = template.lookup(t.name());
        if (tree == null) {
            throw error("template " + GoFormat.quote(t.name()) + " not defined");
        }
        if (depth == MAX_EXEC_DEPTH) {
            throw error("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
        }
        meter.templateDepth(depth + 1);
        // Variables declared by the pipeline persist in the caller.
        Object newDot = evalPipeline(dot, dotIface, t.pipe());
        String savedName = tmplName;
        Node savedNode = node;
        int savedBase = varBase;
        int savedCount = varCount;
        lastCall = t;
        lastCallOwner = tmplName;
        depth++;
        maxDepth = Math.max(maxDepth, depth);
        tmplName = tree.name();
        varBase = varCount; // no dynamic scoping: the callee sees only its own $
        push("$", newDot, false);
        try {
            walk(newDot, false, tree.root());
        } finally {
            pop(savedCount);
            varBase = savedBase;
            tmplName = savedName;
            node = savedNode;
            depth--;
        }
    }

    // ---- evaluation ----

    /**
     * Evaluates a pipeline, pushing or assigning its variables. The result of each command is
     * unwrapped from interface{}, so a nil interface becomes no value.
     */
    private Object evalPipeline(Object dot, boolean dotIface, PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        at(pipe);
        Object value = MISSING;
        List<CommandNode> cmds = pipe.cmds();
        for (int i = 0, size = cmds.size(); i < size; i++) {
            value = Values.concrete(evalCommand(dot, dotIface, cmds.get(i), value));
        }
        for (VariableNode v : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(v.name(), value, false);
            } else {
                push(v.name(), value, false);
            }
        }
        return value;
    }

    private void notAFunction(List<Operand> args, Object fin) {
        if (args.size() > 1 || fin != MISSING) {
            throw error("can't give argument to non-function " + args.get(0));
        }
    }

    private Object evalCommand(Object dot, boolean dotIface, CommandNode cmd, Object fin) {
        Operand first = cmd.args().get(0);
        if (first instanceof FieldNode f) {
            return evalFieldNode(dot, dotIface, f, cmd.args(), fin);
        }
        if (first instanceof ChainNode c) {
            return evalChainNode(dot, dotIface, c, cmd.args(), fin);
        }
        if (first instanceof IdentifierNode id) {
            return evalFunction(dot, dotIface, id, cmd, cmd.args(), fin);
        }
        if (first instanceof PipeNode p) {
            // A parenthesised pipeline: its arguments are all inside; nothing may be piped in.
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, dotIface, p);
        }
        if (first instanceof VariableNode v) {
            return evalVariableNode(v, cmd.args(), fin);
        }
        at(first);
        notAFunction(cmd.args(), fin);
        if (first instanceof BoolNode b) {
            return b.value();
        }
        if (first instanceof DotNode) {
            return dot;
        }
        if (first instanceof NilNode) {
            throw error("nil is not a command");
        }
        if (first instanceof NumberNode num) {
            return idealConstant(num);
        }
        if (first instanceof StringNode s) {
            return s.text();
        }
        throw error("can't evaluate command " + GoFormat.quote(first.toString()));
    }

    /**
     * A number in a context with no expected type: an int if it looks like one, a float64 if it
     * has a '.', exponent or 'p', a complex128 for imaginary literals.
     */
    private Object idealConstant(NumberNode c) {
        at(c);
        String text = c.text();
        if (c.isComplex()) {
            return new GoComplex(c.real(), c.imag());
        }
        boolean hexInt = text.length() > 2 && text.charAt(0) == '0'
                && (text.charAt(1) == 'x' || text.charAt(1) == 'X') && text.indexOf('p') < 0 && text.indexOf('P') < 0;
        boolean runeInt = !text.isEmpty() && text.charAt(0) == '\'';
        if (c.isFloat() && !hexInt && !runeInt && containsAny(text, ".eEpP")) {
            return c.float64();
        }
        if (c.isInt()) {
            return GoInt.of(c.int64());
        }
        if (c.isUint()) {
            throw error(text + " overflows int");
        }
        return null;
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private Object evalFieldNode(Object dot, boolean dotIface, FieldNode field, List<Operand> args, Object fin) {
        at(field);
        return evalFieldChain(dot, dotIface, field.ident(), args, fin);
    }

    private Object evalChainNode(Object dot, boolean dotIface, ChainNode chain, List<Operand> args, Object fin) {
        at(chain);
        if (chain.node() instanceof NilNode) {
            throw error("indirection through explicit nil in " + chain);
        }
        // (pipe).Field1.Field2: evaluate the pipeline or function, then the fields.
        Object head = evalArg(dot, dotIface, NO_TYPE, chain.node());
        return evalFieldChain(head, false, chain.fields(), args, fin);
    }

    private Object evalVariableNode(VariableNode variable, List<Operand> args, Object fin) {
        at(variable);
        int i = findVar(variable.name());
        Object value = varValues[i];
        if (variable.ident().size() == 1) {
            notAFunction(args == null ? List.of(variable) : args, fin);
            return value;
        }
        List<String> ident = variable.ident();
        return evalFieldChain(value, varIface[i], ident.subList(1, ident.size()), args, fin);
    }

    /** {@code .X.Y.Z}: each field of the value before; only the last may receive arguments. */
    private Object evalFieldChain(Object receiver, boolean receiverIface, List<String> ident, List<Operand> args,
            Object fin) {
        int last = ident.size() - 1;
        boolean iface = receiverIface;
        for (int i = 0; i < last; i++) {
            receiver = evalField(ident.get(i), null, MISSING, receiver, iface);
            iface = true; // field values come from map[string]interface{}
        }
        return evalField(ident.get(last), args, fin, receiver, iface);
    }

    /**
     * {@code .name} on a value. Only maps have fields here; the templates' data has no structs
     * and no methods.
     */
    private Object evalField(String fieldName, List<Operand> args, Object fin, Object receiver, boolean iface) {
        if (receiver == null) {
            if (template.missingKey() == MissingKey.ERROR) {
                throw error("nil data; no entry for key " + GoFormat.quote(fieldName));
            }
            return null;
        }
        if (receiver == Values.NIL_INTERFACE) {
            throw error("nil pointer evaluating interface {}." + fieldName);
        }
        boolean hasArgs = (args != null && args.size() > 1) || fin != MISSING;
        if (receiver instanceof Map<?, ?> m) {
            if (hasArgs) {
                throw error(fieldName + " is not a method but has arguments");
            }
            Object v = m.get(fieldName);
            if (v != null) {
                return v;
            }
            if (m.containsKey(fieldName)) {
                return Values.NIL_INTERFACE;
            }
            switch (template.missingKey()) {
                case ZERO:
                    return Values.NIL_INTERFACE; // the zero value of interface{}
                case ERROR:
                    throw error("map has no entry for key " + GoFormat.quote(fieldName));
                default:
                    return null;
            }
        }
        String typ = iface ? "interface {}" : GoTypes.typeName(receiver);
        throw error("can't evaluate field " + fieldName + " in type " + typ);
    }

    private Object evalFunction(Object dot, boolean dotIface, IdentifierNode id, Node cmd, List<Operand> args,
            Object fin) {
        at(id);
        String name = id.ident();
        TemplateFunction fn = bindings == null ? null : bindings.get(name);
        // What the caller binds (the input set) is its data, not something the template built.
        boolean supplied = fn != null;
        if (fn == null) {
            fn = template.function(name);
        }
        if (fn == null) {
            throw error(GoFormat.quote(name) + " is not a defined function");
        }
        return evalCall(dot, dotIface, fn, cmd, name, args, fin, supplied);
    }

    /** Calls a function: arity check, argument conversion as Go's reflection does, then the call. */
    private Object evalCall(Object dot, boolean dotIface, TemplateFunction fn, Node n, String name,
            List<Operand> args, Object fin, boolean supplied) {
        List<Operand> argNodes = args == null ? List.of() : args.subList(1, args.size());
        meter.step();
        Builtin builtin = fn instanceof Builtin b ? b : null;
        Signature sig = fn.signature();
        List<ParamType> params = sig.params();
        int numIn = argNodes.size() + (fin != MISSING ? 1 : 0);
        int numFixed = argNodes.size();
        if (sig.isVariadic()) {
            numFixed = params.size();
            if (numIn < numFixed) {
                throw error("wrong number of args for " + name + ": want at least " + numFixed + " got "
                        + argNodes.size());
            }
        } else if (numIn != params.size()) {
            throw error("wrong number of args for " + name + ": want " + params.size() + " got " + numIn);
        }
        boolean values = builtin != null && builtin.takesValues();
        if (builtin != null && (builtin.kind() == Builtin.Kind.AND || builtin.kind() == Builtin.Kind.OR)) {
            return andOr(dot, dotIface, builtin.kind() == Builtin.Kind.OR, argNodes, fin);
        }
        Object[] argv = new Object[numIn];
        int i = 0;
        for (; i < numFixed && i < argNodes.size(); i++) {
            argv[i] = evalArg(dot, dotIface, values ? VALUE : params.get(i), argNodes.get(i));
        }
        if (sig.isVariadic()) {
            Object type = values ? VALUE : sig.variadic();
            for (; i < argNodes.size(); i++) {
                argv[i] = evalArg(dot, dotIface, type, argNodes.get(i));
            }
        }
        if (fin != MISSING) {
            Object type;
            if (values) {
                type = VALUE;
            } else if (!sig.isVariadic()) {
                type = params.get(params.size() - 1);
            } else if (numIn - 1 < numFixed) {
                type = params.get(numIn - 1);
            } else {
                type = sig.variadic();
            }
            argv[i] = validateType(fin, type);
        }
        if (builtin != null && builtin.kind() == Builtin.Kind.SLICE) {
            markInterfaceIndexes(argv, argNodes, dotIface);
        }
        if (builtin != null && builtin.kind() == Builtin.Kind.CALL) {
            String callee = argNodes.isEmpty() ? calleeName(fin) : argNodes.get(0).toString();
            Object called = invoke(n, name, () -> CallBuiltin.call(callee, argv, meter));
            account(n, called);
            return called;
        }
        Object result = invoke(n, name, () -> fn.call(argv, meter));
        if (!supplied) {
            account(n, result);
        }
        // A user function's nil result is a nil interface{}; builtins return what Go's return.
        return builtin == null ? Values.element(result) : result;
    }

    /**
     * Go's {@code slice}, unlike {@code index}, does not unwrap interface values: an index that
     * comes out of a map or an []interface{} fails as {@code type interface {}} even when it holds
     * an integer. Marks such arguments for {@link Builtin}.
     */
    private void markInterfaceIndexes(Object[] argv, List<Operand> argNodes, boolean dotIface) {
        for (int i = 1; i < argNodes.size(); i++) {
            Operand n = argNodes.get(i);
            boolean iface;
            if (n instanceof FieldNode || n instanceof ChainNode) {
                iface = true;
            } else if (n instanceof VariableNode v) {
                iface = v.ident().size() > 1 || varIface[findVar(v.name())];
            } else {
                iface = n instanceof DotNode && dotIface;
            }
            if (iface && argv[i] != null && argv[i] != Values.NIL_INTERFACE) {
                argv[i] = new Values.InterfaceValue(argv[i]);
            }
        }
    }

    private static String calleeName(Object fin) {
        return fin instanceof String s ? s : "<" + Values.typeName(fin) + " Value>";
    }

    /** A function invocation with its arguments bound. */
    @FunctionalInterface
    private interface Invocation {
        Object run() throws Exception;
    }

    /**
     * Charges a function's result to the budget: functions that know their result's size ask
     * before allocating; this catches the rest before the value spreads (copied lists cost steps).
     * A list or map is also charged for its size written out in full, because values built from
     * shared parts ({@code dict "a" $d "b" $d} in a loop) print exponentially larger than they are,
     * and for its depth, because printing and marshalling recurse once per level.
     */
    private void account(Node call, Object result) {
        try {
            account(result);
        } catch (RenderBudgetExceeded e) {
            at(call); // the call that built it, as for a function's own error
            throw error(e.getMessage());
        }
    }

    private void account(Object result) {
        if (result instanceof String s) {
            meter.built(s.length());
        } else if (result instanceof List<?> || result instanceof Map<?, ?>) {
            int shallow = result instanceof List<?> l ? l.size() : ((Map<?, ?>) result).size();
            meter.list(shallow);
            meter.work(shallow);
            Extent extent = measure(result);
            if (extent.bytes() > meter.budget().maxValueBytes()) {
                meter.value(extent.bytes());
            }
            meter.nesting(extent.depth());
        }
    }

    /** A container written out: about how many bytes, and how deeply nested. */
    private record Extent(long bytes, int depth) {
    }

    /**
     * Measures a container, shared parts counted each time they occur. Extents of containers seen
     * in this execution are remembered, so each result costs only a pass over its own elements; a
     * container first met here is measured without recursion and with a bound, so neither cycles
     * nor depth can run away.
     */
    private Extent measure(Object container) {
        if (extents == null) {
            extents = new IdentityHashMap<>();
        }
        long limit = meter.budget().maxValueBytes() + 1;
        long bytes = 2;
        int depth = 0;
        for (Object child : children(container)) {
            Extent e = elementExtent(child, limit);
            bytes = Math.min(limit, bytes + e.bytes());
            depth = Math.max(depth, e.depth());
        }
        Extent extent = new Extent(bytes, depth + 1);
        extents.put(container, extent);
        return extent;
    }

    private static final Extent SCALAR = new Extent(8, 0);

    private Extent elementExtent(Object v, long limit) {
        if (v instanceof String s) {
            return new Extent(s.length() + 2L, 0);
        }
        if (!(v instanceof List<?>) && !(v instanceof Map<?, ?>)) {
            return SCALAR;
        }
        Extent known = extents.get(v);
        if (known != null) {
            return known;
        }
        long bytes = 0;
        int depth = 0;
        ArrayDeque<Object> pending = new ArrayDeque<>();
        ArrayDeque<Integer> levels = new ArrayDeque<>();
        pending.push(v);
        levels.push(1);
        while (!pending.isEmpty() && bytes < limit) {
            Object next = pending.pop();
            int level = levels.pop();
            meter.step();
            if (next instanceof String s) {
                bytes += s.length() + 2L;
            } else if (next instanceof List<?> || next instanceof Map<?, ?>) {
                Extent e = extents.get(next);
                if (e != null) {
                    bytes += e.bytes();
                    depth = Math.max(depth, level - 1 + e.depth());
                } else {
                    bytes += 2;
                    depth = Math.max(depth, level);
                    for (Object child : children(next)) {
                        pending.push(child == null ? "" : child);
                        levels.push(level + 1);
                    }
                }
            } else {
                bytes += 8;
            }
        }
        Extent extent = new Extent(Math.min(limit, bytes), depth);
        extents.put(v, extent);
        return extent;
    }

    /** A list's elements, or a map's keys and values. */
    private static Iterable<?> children(Object container) {
        if (container instanceof List<?> l) {
            return l;
        }
        Map<?, ?> m = (Map<?, ?>) container;
        List<Object> out = new ArrayList<>(m.size() * 2);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.add(String.valueOf(e.getKey()));
            out.add(e.getValue());
        }
        return out;
    }

    /** Runs a function body, reporting a failure as {@code error calling NAME: MESSAGE} at the command. */
    private Object invoke(Node n, String name, Invocation body) {
        try {
            return body.run();
        } catch (TemplateException e) {
            throw e;
        } catch (RenderBudgetExceeded e) {
            // Not the function's error but the render's: no "error calling" around it.
            at(n);
            throw error(e.getMessage());
        } catch (Exception e) {
            at(n);
            String msg = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw error("error calling " + name + ": " + msg);
        }
    }

    /** {@code and}/{@code or} evaluate arguments only until the result is decided. */
    private Object andOr(Object dot, boolean dotIface, boolean isOr, List<Operand> argNodes, Object fin) {
        Object v = null;
        for (Operand arg : argNodes) {
            v = evalArg(dot, dotIface, VALUE, arg);
            if (Values.isTrue(v) == isOr) {
                return v;
            }
        }
        if (fin != MISSING) {
            v = fin;
        }
        return v;
    }

    // ---- arguments ----

    private static boolean canBeNil(Object type) {
        return type == VALUE || ParamTypes.canBeNil((ParamType) type);
    }

    private static String typeName(Object type) {
        return type == VALUE ? "reflect.Value" : ((ParamType) type).goName();
    }

    /** Evaluates an argument for a parameter of the given type (a ParamType, VALUE or NO_TYPE). */
    private Object evalArg(Object dot, boolean dotIface, Object type, Operand n) {
        at(n);
        if (n instanceof DotNode) {
            return validateType(dot, type);
        }
        if (n instanceof NilNode) {
            if (canBeNil(type)) {
                return null;
            }
            throw error("cannot assign nil to " + typeName(type));
        }
        if (n instanceof FieldNode f) {
            return validateType(evalFieldNode(dot, dotIface, f, List.of(n), MISSING), type);
        }
        if (n instanceof VariableNode v) {
            return validateType(evalVariableNode(v, null, MISSING), type);
        }
        if (n instanceof PipeNode p) {
            return validateType(evalPipeline(dot, dotIface, p), type);
        }
        if (n instanceof IdentifierNode id) {
            return validateType(evalFunction(dot, dotIface, id, id, null, MISSING), type);
        }
        if (n instanceof ChainNode c) {
            return validateType(evalChainNode(dot, dotIface, c, null, MISSING), type);
        }
        // A literal: converted to the parameter type like a Go constant.
        if (type == VALUE || type == ParamType.ANY) {
            return evalEmptyInterface(n);
        }
        ParamType p = (ParamType) type;
        switch (p) {
            case BOOL:
                if (n instanceof BoolNode b) {
                    return b.value();
                }
                throw error("expected bool; found " + n);
            case STRING:
                if (n instanceof StringNode s) {
                    return s.text();
                }
                throw error("expected string; found " + n);
            case INT:
            case INT64:
                if (n instanceof NumberNode num && num.isInt()) {
                    return p == ParamType.INT ? GoInt.of(num.int64()) : (Object) num.int64();
                }
                throw error("expected integer; found " + n);
            case FLOAT64:
                if (n instanceof NumberNode num && num.isFloat()) {
                    return num.float64();
                }
                throw error("expected float; found " + n);
            default:
                throw error("can't handle " + n + " for arg of type " + p.goName());
        }
    }

    private Object evalEmptyInterface(Operand n) {
        at(n);
        if (n instanceof BoolNode b) {
            return b.value();
        }
        if (n instanceof NumberNode num) {
            return idealConstant(num);
        }
        if (n instanceof StringNode s) {
            return s.text();
        }
        throw error("can't handle assignment of " + n + " to empty interface argument");
    }

    /**
     * Go's {@code validateType}: a value must have exactly the parameter's type, except that
     * anything goes to interface{} and nil goes to lists and maps.
     */
    private Object validateType(Object value, Object type) {
        if (type == NO_TYPE || type == VALUE) {
            return value;
        }
        if (value == null) {
            if (canBeNil(type)) {
                return null;
            }
            throw error("invalid value; expected " + typeName(type));
        }
        ParamType p = (ParamType) type;
        if (value == Values.NIL_INTERFACE) {
            if (p == ParamType.ANY) {
                return null;
            }
            throw error("wrong type for value; expected " + p.goName() + "; got interface {}");
        }
        if (!ParamTypes.assignable(value, p)) {
            throw error("wrong type for value; expected " + p.goName() + "; got " + GoTypes.typeName(value));
        }
        return value;
    }

    // ---- output ----

    private void printValue(Node n, Object v) {
        at(n);
        String text;
        if (v == null) {
            text = "<no value>";
        } else if (v instanceof String s) {
            text = s;
        } else if (v instanceof GoInt || v instanceof Long) {
            text = Long.toString(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            text = Boolean.toString(b);
        } else {
            text = GoFormat.sprint(v, meter::value);
        }
        meter.output(text.length());
        out.append(text);
    }
}
