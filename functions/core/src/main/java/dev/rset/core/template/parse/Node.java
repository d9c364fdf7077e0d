package dev.rset.core.template.parse;

import dev.rset.core.gotypes.GoFormat;
import java.util.List;

/**
 * A node of the parse tree. {@link #pos()} is the char offset of the node in the template text
 * (error messages convert it to Go's line and byte column); {@code toString()} is exactly Go's
 * {@code Node.String()}, which execution errors print as {@code at <NODE>}.
 */
public sealed interface Node {
    int pos();

    /** Appends Go's {@code String()} form. */
    void writeTo(StringBuilder sb);

    /** A node that is one operand of a command: what a {@link CommandNode} argument can be. */
    sealed interface Operand extends Node
            permits PipeNode, IdentifierNode, VariableNode, DotNode, NilNode, FieldNode, ChainNode, BoolNode,
            NumberNode, StringNode {
    }

    /** A node that can appear in a {@link ListNode}. */
    sealed interface Statement extends Node
            permits TextNode, ActionNode, Branch, TemplateNode, BreakNode, ContinueNode {
    }

    /** The common shape of if, range and with. */
    sealed interface Branch extends Statement permits IfNode, RangeNode, WithNode {
        int line();

        PipeNode pipe();

        ListNode list();

        /** Null when there is no {@code else}. */
        ListNode elseList();

        String keyword();

        @Override
        default void writeTo(StringBuilder sb) {
            sb.append("{{").append(keyword()).append(' ');
            pipe().writeTo(sb);
            sb.append("}}");
            list().writeTo(sb);
            if (elseList() != null) {
                sb.append("{{else}}");
                elseList().writeTo(sb);
            }
            sb.append("{{end}}");
        }
    }

    static String str(Node n) {
        StringBuilder sb = new StringBuilder();
        n.writeTo(sb);
        return sb.toString();
    }

    /** A sequence of nodes. */
    record ListNode(int pos, List<Statement> nodes) implements Node {
        public ListNode {
            nodes = List.copyOf(nodes);
        }

        @Override
        public void writeTo(StringBuilder sb) {
            for (Node n : nodes) {
                n.writeTo(sb);
            }
        }

        @Override
        public String toString() {
            return str(this);
        }
    }

    /** Plain text between actions. */
    record TextNode(int pos, String text) implements Statement {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A pipeline with optional {@code $x :=} or {@code $x =} variables. */
    record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
            implements Operand {
        public PipeNode {
            decl = List.copyOf(decl);
            cmds = List.copyOf(cmds);
        }

        @Override
        public void writeTo(StringBuilder sb) {
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    decl.get(i).writeTo(sb);
                }
                sb.append(isAssign ? " = " : " := ");
            }
            for (int i = 0; i < cmds.size(); i++) {
                if (i > 0) {
                    sb.append(" | ");
                }
                cmds.get(i).writeTo(sb);
            }
        }

        @Override
        public String toString() {
            return str(this);
        }
    }

    /** An action that prints (or declares) a pipeline. */
    record ActionNode(int pos, int line, PipeNode pipe) implements Statement {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{");
            pipe.writeTo(sb);
            sb.append("}}");
        }

        @Override
        public String toString() {
            return str(this);
        }
    }

    /** One command of a pipeline: a function, field or value and its arguments. */
    record CommandNode(int pos, List<Operand> args) implements Node {
        public CommandNode {
            args = List.copyOf(args);
        }

        @Override
        public void writeTo(StringBuilder sb) {
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                Node arg = args.get(i);
                if (arg instanceof PipeNode) {
                    sb.append('(');
                    arg.writeTo(sb);
                    sb.append(')');
                } else {
                    arg.writeTo(sb);
                }
            }
        }

        @Override
        public String toString() {
            return str(this);
        }
    }

    /** A function name. */
    record IdentifierNode(int pos, String ident) implements Operand {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(ident);
        }

        @Override
        public String toString() {
            return ident;
        }
    }

    /** {@code $x} or {@code $x.a.b}; the first element includes the '$'. */
    record VariableNode(int pos, List<String> ident) implements Operand {
        public VariableNode {
            ident = List.copyOf(ident);
        }

        public String name() {
            return ident.get(0);
        }

        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(String.join(".", ident));
        }

        @Override
        public String toString() {
            return str(this);
        }
    }

    /** The cursor {@code .}. */
    record DotNode(int pos) implements Operand {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append('.');
        }

        @Override
        public String toString() {
            return ".";
        }
    }

    /** The untyped {@code nil}. */
    record NilNode(int pos) implements Operand {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("nil");
        }

        @Override
        public String toString() {
            return "nil";
        }
    }

    /** {@code .a.b}: fields of dot, without the dots. */
    record FieldNode(int pos, List<String> ident) implements Operand {
        public FieldNode {
            ident = List.copyOf(ident);
        }

        @Override
        public void writeTo(StringBuilder sb) {
            for (String id : ident) {
                sb.append('.').append(id);
            }
        }

        @Override
        public String toString() {
            return str(this);
        }
    }

    /** A term followed by fields, e.g. {@code inputs.tenant} or {@code (f x).a}. */
    record ChainNode(int pos, Operand node, List<String> fields) implements Operand {
        public ChainNode {
            fields = List.copyOf(fields);
        }

        @Override
        public void writeTo(StringBuilder sb) {
            if (node instanceof PipeNode) {
                sb.append('(');
                node.writeTo(sb);
                sb.append(')');
            } else {
                node.writeTo(sb);
            }
            for (String f : fields) {
                sb.append('.').append(f);
            }
        }

        @Override
        public String toString() {
            return str(this);
        }
    }

    /** {@code true} or {@code false}. */
    record BoolNode(int pos, boolean value) implements Operand {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(value);
        }

        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /**
     * A number literal, parsed under every type that can represent it, which simulates Go's ideal
     * constants: {@code 1} is an int, an unsigned int and a float; {@code 1.5} only a float.
     * {@code uint64} holds an unsigned value; {@code real}/{@code imag} the complex value.
     */
    record NumberNode(int pos, String text, boolean isInt, boolean isUint, boolean isFloat, boolean isComplex,
            long int64, long uint64, double float64, double real, double imag) implements Operand {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A string literal: the source text with quotes, and its value. */
    record StringNode(int pos, String quoted, String text) implements Operand {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append(quoted);
        }

        @Override
        public String toString() {
            return quoted;
        }
    }

    /** {@code if}. */
    record IfNode(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) implements Branch {
        @Override
        public String keyword() {
            return "if";
        }

        @Override
        public String toString() {
            return str(this);
        }
    }

    /** {@code range}. */
    record RangeNode(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) implements Branch {
        @Override
        public String keyword() {
            return "range";
        }

        @Override
        public String toString() {
            return str(this);
        }
    }

    /** {@code with}. */
    record WithNode(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) implements Branch {
        @Override
        public String keyword() {
            return "with";
        }

        @Override
        public String toString() {
            return str(this);
        }
    }

    /** {@code template "name" pipeline}; pipe is null without a pipeline. */
    record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Statement {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{template ").append(GoFormat.quote(name));
            if (pipe != null) {
                sb.append(' ');
                pipe.writeTo(sb);
            }
            sb.append("}}");
        }

        @Override
        public String toString() {
            return str(this);
        }
    }

    /** {@code break}. */
    record BreakNode(int pos, int line) implements Statement {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{break}}");
        }

        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    /** {@code continue}. */
    record ContinueNode(int pos, int line) implements Statement {
        @Override
        public void writeTo(StringBuilder sb) {
            sb.append("{{continue}}");
        }

        @Override
        public String toString() {
            return "{{continue}}";
        }
    }
}
