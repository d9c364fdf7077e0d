package dev.rset.core.template.parse;

import dev.rset.core.gotypes.GoFormat;
import dev.rset.core.gotypes.GoInt;

/**
 * The template scanner: a state machine that yields one {@link Item} per call to
 * {@link #nextItem()}, with the same token boundaries, line numbers and error texts as Go's
 * lexer. Trim markers ({@code <<- } and {@code  ->>}) are applied here, so the parser never sees
 * the trimmed spaces.
 */
final class Lexer {
    private static final int EOF = -1;
    private static final String LEFT_COMMENT = "/*";
    private static final String RIGHT_COMMENT = "*/";
    /** A trim marker is the '-' plus the space on its inner side. */
    private static final int TRIM_MARKER_LEN = 2;

    /** One step of the state machine; null ends the call to {@link #nextItem()}. */
    @FunctionalInterface
    private interface State {
        State run();
    }

    private String input;
    private final String leftDelim;
    private final String rightDelim;
    private final boolean breakOK;
    private final boolean continueOK;
    private int pos;
    private int start;
    private boolean atEOF;
    private int parenDepth;
    private int line = 1;
    private int startLine = 1;
    private Item item;
    private boolean insideAction;

    /**
     * @param breakOK whether {@code break} is a keyword; it is not when a function of that
     *     name exists (likewise {@code continueOK})
     */
    Lexer(String input, String leftDelim, String rightDelim, boolean breakOK, boolean continueOK) {
        this.input = input;
        this.leftDelim = leftDelim;
        this.rightDelim = rightDelim;
        this.breakOK = breakOK;
        this.continueOK = continueOK;
    }

    Item nextItem() {
        item = new Item(ItemType.EOF, pos, "EOF", startLine);
        State state = insideAction ? this::lexInsideAction : this::lexText;
        while (state != null) {
            state = state.run();
        }
        return item;
    }

    // ---- primitives ----

    private int next() {
        if (pos >= input.length()) {
            atEOF = true;
            return EOF;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        if (r == '\n') {
            line++;
        }
        return r;
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    /** Steps back one rune; like Go's, a no-op once the end has been reached. */
    private void backup() {
        if (!atEOF && pos > 0) {
            int r = input.codePointBefore(pos);
            pos -= Character.charCount(r);
            if (r == '\n') {
                line--;
            }
        }
    }

    private Item thisItem(ItemType type) {
        Item i = new Item(type, start, input.substring(start, pos), startLine);
        start = pos;
        startLine = line;
        return i;
    }

    private State emit(ItemType type) {
        return emitItem(thisItem(type));
    }

    private State emitItem(Item i) {
        item = i;
        return null;
    }

    /** Skips the pending input, counting the newlines in it. */
    private void ignore() {
        line += countNewlines(start, pos);
        start = pos;
        startLine = line;
    }

    private int countNewlines(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (input.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private boolean accept(String valid) {
        int r = next();
        if (r != EOF && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    private void acceptRun(String valid) {
        int r;
        do {
            r = next();
        } while (r != EOF && valid.indexOf(r) >= 0);
        backup();
    }

    /** Reports an error and ends the scan: every later call returns EOF. */
    private State errorf(String message) {
        item = new Item(ItemType.ERROR, start, message, startLine);
        start = 0;
        pos = 0;
        input = "";
        return null;
    }

    private static String formatRune(int r) {
        return GoFormat.sprintf("%#U", GoInt.of(r));
    }

    // ---- states ----

    private State lexText() {
        int x = input.indexOf(leftDelim, pos);
        if (x >= 0) {
            if (x > pos) {
                pos = x;
                int trimLength = 0;
                if (hasLeftTrimMarker(pos + leftDelim.length())) {
                    trimLength = rightTrimLength(start, pos);
                }
                pos -= trimLength;
                line += countNewlines(start, pos);
                Item i = thisItem(ItemType.TEXT);
                pos += trimLength;
                ignore();
                if (!i.val().isEmpty()) {
                    return emitItem(i);
                }
            }
            return this::lexLeftDelim;
        }
        pos = input.length();
        if (pos > start) {
            line += countNewlines(start, pos);
            return emit(ItemType.TEXT);
        }
        return emit(ItemType.EOF);
    }

    private State lexLeftDelim() {
        pos += leftDelim.length();
        boolean trimSpace = hasLeftTrimMarker(pos);
        int afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
        if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return this::lexComment;
        }
        Item i = thisItem(ItemType.LEFT_DELIM);
        insideAction = true;
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return emitItem(i);
    }

    private State lexComment() {
        pos += LEFT_COMMENT.length();
        int x = input.indexOf(RIGHT_COMMENT, pos);
        if (x < 0) {
            return errorf("unclosed comment");
        }
        pos = x + RIGHT_COMMENT.length();
        int delim = atRightDelim();
        if (delim == 0) {
            return errorf("comment ends before closing delimiter");
        }
        line += countNewlines(start, pos);
        thisItem(ItemType.COMMENT); // comments are not kept in the tree
        if (delim == 2) {
            pos += TRIM_MARKER_LEN;
        }
        pos += rightDelim.length();
        if (delim == 2) {
            pos += leftTrimLength(pos);
        }
        ignore();
        return this::lexText;
    }

    private State lexRightDelim() {
        boolean trimSpace = atRightDelim() == 2;
        if (trimSpace) {
            pos += TRIM_MARKER_LEN;
            ignore();
        }
        pos += rightDelim.length();
        Item i = thisItem(ItemType.RIGHT_DELIM);
        if (trimSpace) {
            pos += leftTrimLength(pos);
            ignore();
        }
        insideAction = false;
        return emitItem(i);
    }

    private State lexInsideAction() {
        if (atRightDelim() != 0) {
            if (parenDepth == 0) {
                return this::lexRightDelim;
            }
            return errorf("unclosed left paren");
        }
        int r = next();
        if (r == EOF) {
            return errorf("unclosed action");
        }
        if (isSpace(r)) {
            backup(); // put the space back in case it starts " ->>"
            return this::lexSpace;
        }
        switch (r) {
            case '=':
                return emit(ItemType.ASSIGN);
            case ':':
                if (next() != '=') {
                    return errorf("expected :=");
                }
                return emit(ItemType.DECLARE);
            case '|':
                return emit(ItemType.PIPE);
            case '"':
                return this::lexQuote;
            case '`':
                return this::lexRawQuote;
            case '$':
                return this::lexVariable;
            case '\'':
                return this::lexChar;
            case '(':
                parenDepth++;
                return emit(ItemType.LEFT_PAREN);
            case ')':
                parenDepth--;
                if (parenDepth < 0) {
                    return errorf("unexpected right paren");
                }
                return emit(ItemType.RIGHT_PAREN);
            default:
                break;
        }
        if (r == '.' && pos < input.length()) {
            char c = input.charAt(pos);
            if (c < '0' || c > '9') {
                return () -> lexFieldOrVariable(ItemType.FIELD);
            }
        }
        if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
            backup();
            return this::lexNumber;
        }
        if (isAlphaNumeric(r)) {
            backup();
            return this::lexIdentifier;
        }
        if (r <= 0x7F && r >= 0x20 && r < 0x7F) {
            return emit(ItemType.CHAR);
        }
        return errorf("unrecognized character in action: " + formatRune(r));
    }

    private State lexSpace() {
        int numSpaces = 0;
        while (isSpace(peek())) {
            next();
            numSpaces++;
        }
        // A space followed by '-' and the right delimiter is a trim marker, not an argument separator.
        if (hasRightTrimMarker(pos - 1) && input.startsWith(rightDelim, pos - 1 + TRIM_MARKER_LEN)) {
            backup();
            if (numSpaces == 1) {
                return this::lexRightDelim;
            }
        }
        return emit(ItemType.SPACE);
    }

    private State lexIdentifier() {
        while (true) {
            int r = next();
            if (isAlphaNumeric(r)) {
                continue;
            }
            backup();
            String word = input.substring(start, pos);
            if (!atTerminator()) {
                return errorf("bad character " + formatRune(r));
            }
            ItemType keyword = ItemType.keyword(word);
            if (keyword != null) {
                if ((keyword == ItemType.BREAK && !breakOK) || (keyword == ItemType.CONTINUE && !continueOK)) {
                    return emit(ItemType.IDENTIFIER);
                }
                return emit(keyword);
            }
            if (word.equals("true") || word.equals("false")) {
                return emit(ItemType.BOOL);
            }
            return emit(ItemType.IDENTIFIER);
        }
    }

    private State lexVariable() {
        if (atTerminator()) { // "$" alone
            return emit(ItemType.VARIABLE);
        }
        return lexFieldOrVariable(ItemType.VARIABLE);
    }

    /** A field {@code .name} or variable {@code $name}; the '.' or '$' has been read. */
    private State lexFieldOrVariable(ItemType type) {
        if (atTerminator()) {
            return emit(type == ItemType.VARIABLE ? ItemType.VARIABLE : ItemType.DOT);
        }
        int r;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) {
                backup();
                break;
            }
        }
        if (!atTerminator()) {
            return errorf("bad character " + formatRune(r));
        }
        return emit(type);
    }

    /** Whether the next rune may follow an identifier, e.g. the '.' in {@code .X.Y}. */
    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case EOF, '.', ',', '|', ':', ')', '(':
                return true;
            default:
                return input.startsWith(rightDelim, pos);
        }
    }

    private State lexChar() {
        return lexEscaped('\'', ItemType.CHAR_CONSTANT, "unterminated character constant");
    }

    private State lexNumber() {
        if (!scanNumber()) {
            return errorf("bad number syntax: " + GoFormat.quote(input.substring(start, pos)));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            // Complex: 1+2i. No spaces, must end in 'i'.
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return errorf("bad number syntax: " + GoFormat.quote(input.substring(start, pos)));
            }
            return emit(ItemType.COMPLEX);
        }
        return emit(ItemType.NUMBER);
    }

    /** Accepts a superset of Go's number syntax; the parser rejects what strconv rejects. */
    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        boolean decimal = true;
        boolean hex = false;
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
                decimal = false;
                hex = true;
            } else if (accept("oO")) {
                digits = "01234567_";
                decimal = false;
            } else if (accept("bB")) {
                digits = "01_";
                decimal = false;
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (decimal && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (hex && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private State lexQuote() {
        return lexEscaped('"', ItemType.STRING, "unterminated quoted string");
    }

    /**
     * Scans to the unescaped {@code close}, as Go's lexChar and lexQuote do; a backslash escapes
     * any rune but a newline, and neither a newline nor the end of input may come first.
     */
    private State lexEscaped(int close, ItemType type, String unterminated) {
        while (true) {
            int r = next();
            if (r == '\\') {
                int e = next();
                if (e != EOF && e != '\n') {
                    continue;
                }
                return errorf(unterminated);
            }
            if (r == EOF || r == '\n') {
                return errorf(unterminated);
            }
            if (r == close) {
                return emit(type);
            }
        }
    }

    private State lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF) {
                return errorf("unterminated raw quoted string");
            }
            if (r == '`') {
                return emit(ItemType.RAW_STRING);
            }
        }
    }

    // ---- helpers ----

    /** 0: not at a right delimiter; 1: at one; 2: at one preceded by a trim marker. */
    private int atRightDelim() {
        if (hasRightTrimMarker(pos) && input.startsWith(rightDelim, pos + TRIM_MARKER_LEN)) {
            return 2;
        }
        return input.startsWith(rightDelim, pos) ? 1 : 0;
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private boolean hasRightTrimMarker(int at) {
        return at >= 0 && at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
    }

    private int rightTrimLength(int from, int to) {
        int i = to;
        while (i > from && isSpace(input.charAt(i - 1))) {
            i--;
        }
        return to - i;
    }

    private int leftTrimLength(int from) {
        int i = from;
        while (i < input.length() && isSpace(input.charAt(i))) {
            i++;
        }
        return i - from;
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || (r >= 0 && (Character.isLetter(r) || Character.isDigit(r)));
    }
}
