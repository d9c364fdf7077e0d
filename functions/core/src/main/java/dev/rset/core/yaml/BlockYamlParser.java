package dev.rset.core.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * The node tree of a document written in the plain block style that templates render and
 * people write for Kubernetes (block mappings and sequences, plain and one-line quoted scalars
 * without escapes, empty {@code {}} and {@code []}, full-line comments), built straight from the
 * text. SnakeYAML's scanner works on code points with a token queue and costs several times as
 * much for such text.
 *
 * <p>It gives up ({@link #parse} returns null) on anything outside that subset or anything that
 * is not valid YAML: non-ASCII or control characters, tabs, document markers, anchors, aliases,
 * tags, block scalars, flow collections with content, escapes, multi-line scalars, comments after
 * content, unusual keys and indentation it does not expect. The caller then goes through
 * SnakeYAML, so every error message and every rarer construct keeps its one reading; for the text
 * it accepts, the tree equals what {@link YamlComposer} builds from SnakeYAML's events.
 */
final class BlockYamlParser {
    /** Deeper documents take the full path, which reports go-yaml's depth error. */
    private static final int MAX_DEPTH = 100;
    /** libyaml's limit on a simple key is 1,024 characters; stay well inside it. */
    private static final int MAX_KEY_LENGTH = 1_000;

    /** The text as characters: charAt's call and checks per character cost more than the parsing (C1). */
    private final char[] chars;
    private final int length;
    /** The current content line: its number (from 0), start, first non-space and end (its '\n' or the text's end). */
    private int line;
    private int lineStart;
    private int content;
    private int lineEnd;
    /** Where the line after the current one starts, and its number. */
    private int next;
    private int nextLine;

    private BlockYamlParser(char[] chars) {
        this.chars = chars;
        this.length = chars.length;
    }

    /** The first document's root node, or null when the text needs the full parser. */
    static YamlNode parse(String yaml) {
        char[] chars = yaml.toCharArray();
        if (!printableAscii(chars)) {
            return null;
        }
        try {
            return new BlockYamlParser(chars).document();
        } catch (Unsupported e) {
            return null;
        }
    }

    private static boolean printableAscii(char[] s) {
        for (char c : s) {
            if ((c < 0x20 || c > 0x7E) && c != '\n') {
                return false;
            }
        }
        return true;
    }

    private YamlNode document() {
        advance();
        if (atEnd() || indent() != 0) {
            throw Unsupported.INSTANCE; // empty or indented documents
        }
        YamlNode root = block(0);
        if (!atEnd()) {
            throw Unsupported.INSTANCE;
        }
        return root;
    }

    /** Moves to the next line with content, skipping blank and comment lines. */
    private void advance() {
        int p = next;
        int n = nextLine;
        while (p < length) {
            int end = p;
            while (end < length && chars[end] != '\n') {
                end++;
            }
            int i = p;
            while (i < end && chars[i] == ' ') {
                i++;
            }
            if (i == end || chars[i] == '#') {
                p = end + 1;
                n++;
                continue;
            }
            if (i == p && p + 2 < length && (chars[p] == '-' || chars[p] == '.') && chars[p + 1] == chars[p] && chars[p + 2] == chars[p]) {
                throw Unsupported.INSTANCE; // document markers
            }
            line = n;
            lineStart = p;
            content = i;
            lineEnd = end;
            next = end + 1;
            nextLine = n + 1;
            return;
        }
        line = n;
        lineStart = length;
        content = -1;
        lineEnd = length;
        next = length;
        nextLine = n;
    }

    private boolean atEnd() {
        return content < 0;
    }

    /** The current line's indentation; -1 after the last line, which ends every collection. */
    private int indent() {
        return atEnd() ? -1 : content - lineStart;
    }

    /** The collection starting at the current line's content. */
    private YamlNode block(int depth) {
        if (depth > MAX_DEPTH) {
            throw Unsupported.INSTANCE;
        }
        int column = indent();
        return sequenceEntry(content) ? sequence(column, false, depth) : mapping(content, depth);
    }

    /**
     * A block mapping whose first key starts at {@code at} on the current line; its other keys
     * are the lines indented to the same column.
     */
    private YamlNode mapping(int at, int depth) {
        if (depth > MAX_DEPTH) {
            throw Unsupported.INSTANCE;
        }
        int column = at - lineStart;
        List<YamlNode> keysAndValues = new ArrayList<>();
        int p = at;
        while (true) {
            int colon = keyEnd(p);
            if (colon < 0) {
                throw Unsupported.INSTANCE;
            }
            int keyLine = line;
            keysAndValues.add(key(p, colon));
            int v = skipSpaces(colon + 1);
            if (v < lineEnd) {
                keysAndValues.add(inlineValue(v));
                advance();
                if (indent() > column) {
                    throw Unsupported.INSTANCE; // a multi-line scalar or an error
                }
            } else {
                advance();
                if (indent() > column) {
                    keysAndValues.add(block(depth + 1));
                } else if (indent() == column && sequenceEntry(content)) {
                    keysAndValues.add(sequence(column, true, depth + 1));
                } else {
                    keysAndValues.add(new YamlNode.Scalar("", "", true, keyLine));
                }
            }
            int indent = indent();
            if (indent < column) {
                return new YamlNode.Mapping(keysAndValues);
            }
            if (indent > column || sequenceEntry(content)) {
                throw Unsupported.INSTANCE;
            }
            p = content;
        }
    }

    /**
     * A block sequence of the {@code - } lines at {@code column}; an indentless one (the value
     * of a key at the same column) ends at the first other line there.
     */
    private YamlNode sequence(int column, boolean indentless, int depth) {
        if (depth > MAX_DEPTH) {
            throw Unsupported.INSTANCE;
        }
        List<YamlNode> items = new ArrayList<>();
        while (indent() == column && sequenceEntry(content)) {
            int q = skipSpaces(content + 1);
            if (q >= lineEnd || sequenceEntry(q)) {
                throw Unsupported.INSTANCE; // an item on the next lines, or a nested compact sequence
            }
            if (keyEnd(q) >= 0) {
                items.add(mapping(q, depth + 1));
            } else {
                items.add(inlineValue(q));
                advance();
            }
        }
        int indent = indent();
        if (indent > column || indent == column && !indentless) {
            throw Unsupported.INSTANCE;
        }
        return new YamlNode.Sequence(items);
    }

    private boolean sequenceEntry(int i) {
        return chars[i] == '-' && (i + 1 == lineEnd || chars[i + 1] == ' ');
    }

    private int skipSpaces(int i) {
        while (i < lineEnd && chars[i] == ' ') {
            i++;
        }
        return i;
    }

    /**
     * The index of the ':' ending a key that starts at {@code p} (a plain key of letters, digits
     * and {@code . _ / -}, or a one-line quoted key), followed by a space or the line's end;
     * -1 when the text there is no such key.
     */
    private int keyEnd(int p) {
        char first = chars[p];
        int colon;
        if (first == '"' || first == '\'') {
            int close = quoteEnd(p);
            if (close < 0) {
                return -1;
            }
            colon = close + 1;
        } else {
            if (!keyStart(first)) {
                return -1;
            }
            colon = p + 1;
            while (colon < lineEnd && keyPart(chars[colon])) {
                colon++;
            }
        }
        if (colon >= lineEnd || chars[colon] != ':' || colon - p > MAX_KEY_LENGTH) {
            return -1;
        }
        return colon + 1 == lineEnd || chars[colon + 1] == ' ' ? colon : -1;
    }

    private static boolean keyStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '/';
    }

    private static boolean keyPart(char c) {
        return keyStart(c) || c == '-';
    }

    private YamlNode key(int p, int colon) {
        char first = chars[p];
        if (first == '"' || first == '\'') {
            return new YamlNode.Scalar(unquote(p, colon - 1), "", false, line);
        }
        return new YamlNode.Scalar(new String(chars, p, colon - p), "", true, line);
    }

    /** The scalar or empty flow collection from {@code p} to the line's end. */
    private YamlNode inlineValue(int p) {
        char first = chars[p];
        if (first == '"' || first == '\'') {
            int close = quoteEnd(p);
            if (close < 0 || skipSpaces(close + 1) != lineEnd) {
                throw Unsupported.INSTANCE;
            }
            return new YamlNode.Scalar(unquote(p, close), "", false, line);
        }
        int end = lineEnd;
        while (chars[end - 1] == ' ') {
            end--;
        }
        if (first == '{' || first == '[') {
            if (end != p + 2) {
                throw Unsupported.INSTANCE;
            }
            if (first == '{' && chars[p + 1] == '}') {
                return new YamlNode.Mapping(new ArrayList<>());
            }
            if (first == '[' && chars[p + 1] == ']') {
                return new YamlNode.Sequence(new ArrayList<>());
            }
            throw Unsupported.INSTANCE;
        }
        if ("?:,]}#&*!|>%@`".indexOf(first) >= 0 || first == '-' && (p + 1 == end || chars[p + 1] == ' ')) {
            throw Unsupported.INSTANCE; // indicators
        }
        for (int i = p + 1; i < end; i++) {
            char c = chars[i];
            if (c == ':' && (i + 1 == end || chars[i + 1] == ' ') || c == '#' && chars[i - 1] == ' ') {
                throw Unsupported.INSTANCE; // a key or a comment after content
            }
        }
        return new YamlNode.Scalar(new String(chars, p, end - p), "", true, line);
    }

    /**
     * The index of the quote closing the one-line quoted scalar at {@code p}; -1 when it does
     * not close on this line or a double-quoted one has an escape.
     */
    private int quoteEnd(int p) {
        char quote = chars[p];
        for (int i = p + 1; i < lineEnd; i++) {
            char c = chars[i];
            if (quote == '"' && c == '\\') {
                return -1;
            }
            if (c == quote) {
                if (quote == '\'' && i + 1 < lineEnd && chars[i + 1] == '\'') {
                    i++;
                    continue;
                }
                return i;
            }
        }
        return -1;
    }

    private String unquote(int open, int close) {
        String inner = new String(chars, open + 1, close - open - 1);
        return chars[open] == '\'' ? inner.replace("''", "'") : inner;
    }

    /** Thrown to give the text to the full parser; carries no stack trace. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super(null, null, false, false);
        }
    }
}
