package dev.rset.core.template.parse;

import dev.rset.core.template.parse.Node.ListNode;

/** One named template: the top-level text, or a {@code define}/{@code block} body. */
public record Tree(String name, ListNode root) {

    /** Go's {@code IsEmptyTree}: only spaces and comments, so a definition may replace it. */
    static boolean isEmpty(Node n) {
        if (n == null) {
            return true;
        }
        if (n instanceof ListNode list) {
            for (Node child : list.nodes()) {
                if (!isEmpty(child)) {
                    return false;
                }
            }
            return true;
        }
        if (n instanceof Node.TextNode text) {
            return isBlank(text.text());
        }
        return false;
    }

    /** {@code bytes.TrimSpace(text)} is empty: every rune is a Unicode white space. */
    private static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (!isGoSpace(r)) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code unicode.IsSpace}. */
    private static boolean isGoSpace(int r) {
        switch (r) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0:
                return true;
            default:
                return r > 0xFF && Character.isSpaceChar(r);
        }
    }
}
