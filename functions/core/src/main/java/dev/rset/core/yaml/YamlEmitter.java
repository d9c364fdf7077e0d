package dev.rset.core.yaml;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * go-yaml v2's encoder and libyaml-derived emitter for the values sigs.k8s.io/yaml hands it:
 * block style, 2-space indentation, sequences inside mappings not indented, empty collections
 * in flow style, strings plain when they read back unchanged, otherwise single-quoted,
 * double-quoted or as literal blocks, long lines folded after column 80.
 *
 * <p>The emitter's state (column, indentation stack, whitespace/indention flags, contexts) is
 * kept exactly as libyaml keeps it, because the output depends on it character by character.
 */
final class YamlEmitter {
    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;
    private static final int MAX_SIMPLE_KEY_LENGTH = 128;

    private final StringBuilder out = new StringBuilder();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int indent = -1;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private int flowLevel;
    private boolean mappingContext;
    private boolean simpleKeyContext;

    /** {@code yaml.Marshal(v)} of a value in go-yaml's decoded form (see {@link YamlValues}). */
    static String emit(Object value) {
        YamlEmitter e = new YamlEmitter();
        e.node(value, false, false);
        e.writeIndent(); // document end
        return e.out.toString();
    }

    private void node(Object v, boolean mapping, boolean simpleKey) {
        mappingContext = mapping;
        simpleKeyContext = simpleKey;
        if (v instanceof Map<?, ?> m) {
            mapping(m);
        } else if (v instanceof List<?> l) {
            sequence(l);
        } else if (v instanceof String s) {
            if (isPlainWord(s) && YamlResolver.plainStringStart(s.charAt(0))) {
                plainWord(s); // what stringStyle and scalar come to for it
            } else {
                scalar(s, stringStyle(s));
            }
        } else {
            scalar(plainText(v), ScalarStyle.PLAIN);
        }
    }

    /** go-yaml's {@code stringv}: literal for multi-line text, plain when unambiguous, else double-quoted. */
    private static ScalarStyle stringStyle(String s) {
        if (s.contains("\n")) {
            return ScalarStyle.LITERAL;
        }
        boolean canUsePlain = YamlResolver.readsAsString(s) && !Base60.isBase60Float(s);
        return canUsePlain ? ScalarStyle.PLAIN : ScalarStyle.DOUBLE_QUOTED;
    }

    private static String plainText(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            String s = GoFloats.formatG(d);
            return switch (s) {
                case "+Inf" -> ".inf";
                case "-Inf" -> "-.inf";
                case "NaN" -> ".nan";
                default -> s;
            };
        }
        if (v instanceof Boolean || v instanceof Long || v instanceof YamlUint || v instanceof BigInteger) {
            return v.toString();
        }
        throw new IllegalArgumentException("not a YAML value: " + v.getClass().getName());
    }

    private void mapping(Map<?, ?> m) {
        if (flowLevel > 0 || m.isEmpty()) {
            writeIndicator("{", true, true, false);
            writeIndicator("}", false, false, false);
            return;
        }
        increaseIndent(false, false);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) m;
        for (String key : KeyOrder.sorted(map.keySet())) {
            writeIndent();
            if (isSimpleKey(key)) {
                node(key, true, true);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                node(key, true, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            node(map.get(key), true, false);
        }
        indent = indents.pop();
    }

    private static boolean isSimpleKey(String key) {
        if (isPlainWord(key)) {
            return key.length() <= MAX_SIMPLE_KEY_LENGTH;
        }
        ScalarAnalysis a = ScalarAnalysis.of(key);
        return !a.multiline() && a.utf8Length() <= MAX_SIMPLE_KEY_LENGTH;
    }

    private void sequence(List<?> l) {
        if (flowLevel > 0 || l.isEmpty()) {
            writeIndicator("[", true, true, false);
            writeIndicator("]", false, false, false);
            return;
        }
        increaseIndent(false, mappingContext && !indention);
        for (Object item : l) {
            writeIndent();
            writeIndicator("-", true, false, true);
            node(item, false, false);
        }
        indent = indents.pop();
    }

    private void scalar(String value, ScalarStyle requested) {
        if (requested == ScalarStyle.PLAIN && isPlainWord(value)) {
            plainWord(value);
            return;
        }
        ScalarAnalysis a = ScalarAnalysis.of(value);
        ScalarStyle style = selectStyle(a, requested);
        increaseIndent(true, false);
        boolean allowBreaks = !simpleKeyContext;
        switch (style) {
            case PLAIN -> new ScalarWriter(this).plain(a.cps(), allowBreaks);
            case SINGLE_QUOTED -> new ScalarWriter(this).singleQuoted(a.cps(), allowBreaks);
            case DOUBLE_QUOTED -> new ScalarWriter(this).doubleQuoted(a.cps(), allowBreaks);
            case LITERAL -> new ScalarWriter(this).literal(a.cps());
        }
        indent = indents.pop();
    }

    /** What the analysis and the plain writer come to for a plain word, without them. */
    private void plainWord(String value) {
        if (!whitespace) {
            put(' ');
        }
        out.append(value);
        column += value.length();
        whitespace = false;
        indention = false;
    }

    /**
     * Most keys and values of Kubernetes objects: ASCII letters, digits, {@code . / _ -}, not
     * starting with {@code -} or {@code ...}. libyaml's analysis allows every style for them and
     * the plain writer copies them as they are (no space to fold at, no break, one column each).
     */
    static boolean isPlainWord(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == '-' || s.startsWith("...")) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '/' || c == '_' || c == '-';
            if (!word) {
                return false;
            }
        }
        return true;
    }

    /** {@code yaml_emitter_select_scalar_style}. */
    private ScalarStyle selectStyle(ScalarAnalysis a, ScalarStyle style) {
        if (simpleKeyContext && a.multiline()) {
            style = ScalarStyle.DOUBLE_QUOTED;
        }
        if (style == ScalarStyle.PLAIN) {
            if (flowLevel > 0 && !a.flowPlainAllowed() || flowLevel == 0 && !a.blockPlainAllowed()) {
                style = ScalarStyle.SINGLE_QUOTED;
            }
            if (a.cps().length == 0 && (flowLevel > 0 || simpleKeyContext)) {
                style = ScalarStyle.SINGLE_QUOTED;
            }
        }
        if (style == ScalarStyle.SINGLE_QUOTED && !a.singleQuotedAllowed()) {
            style = ScalarStyle.DOUBLE_QUOTED;
        }
        if (style == ScalarStyle.LITERAL && (!a.blockAllowed() || flowLevel > 0 || simpleKeyContext)) {
            style = ScalarStyle.DOUBLE_QUOTED;
        }
        return style;
    }

    private void increaseIndent(boolean flow, boolean indentless) {
        indents.push(indent);
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    // --- low-level output, shared with ScalarWriter ---

    int column() {
        return column;
    }

    int bestWidth() {
        return BEST_WIDTH;
    }

    int bestIndent() {
        return BEST_INDENT;
    }

    void put(char c) {
        out.append(c);
        column++;
    }

    void putBreak() {
        out.append('\n');
        column = 0;
    }

    /** Copies one character; a column is one character whatever its UTF-8 width. */
    void write(int cp) {
        out.appendCodePoint(cp);
        column++;
    }

    /** A line break from the value: '\n' as the output break, others (CR, NEL, LS, PS) verbatim. */
    void writeBreak(int cp) {
        if (cp == '\n') {
            putBreak();
        } else {
            out.appendCodePoint(cp);
            column = 0;
        }
    }

    void writeIndent() {
        int target = Math.max(indent, 0);
        if (!indention || column > target || column == target && !whitespace) {
            putBreak();
        }
        while (column < target) {
            put(' ');
        }
        whitespace = true;
        indention = true;
    }

    void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        out.append(indicator); // indicators are ASCII, one column per character
        column += indicator.length();
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    boolean whitespace() {
        return whitespace;
    }

    void setWhitespace(boolean w) {
        whitespace = w;
    }

    void setIndention(boolean i) {
        indention = i;
    }
}
