package dev.rset.core.template.parse;

/** The kinds of token the lexer produces, as in Go's {@code text/template/parse}. */
public enum ItemType {
    ERROR,
    BOOL,
    /** A printable ASCII character that has no other meaning, e.g. a comma. */
    CHAR,
    CHAR_CONSTANT,
    COMMENT,
    COMPLEX,
    /** {@code =} in an assignment. */
    ASSIGN,
    /** {@code :=} in a declaration. */
    DECLARE,
    EOF,
    FIELD,
    IDENTIFIER,
    LEFT_DELIM,
    LEFT_PAREN,
    NUMBER,
    PIPE,
    RAW_STRING,
    RIGHT_DELIM,
    RIGHT_PAREN,
    SPACE,
    STRING,
    TEXT,
    VARIABLE,
    // Keywords; Item.toString prints them in angle brackets.
    BLOCK,
    BREAK,
    CONTINUE,
    DOT,
    DEFINE,
    ELSE,
    END,
    IF,
    NIL,
    RANGE,
    TEMPLATE,
    WITH;

    public boolean isKeyword() {
        return compareTo(BLOCK) >= 0;
    }

    /** The keyword a word spells inside an action, or null. */
    static ItemType keyword(String word) {
        return switch (word) {
            case "." -> DOT;
            case "block" -> BLOCK;
            case "break" -> BREAK;
            case "continue" -> CONTINUE;
            case "define" -> DEFINE;
            case "else" -> ELSE;
            case "end" -> END;
            case "if" -> IF;
            case "range" -> RANGE;
            case "nil" -> NIL;
            case "template" -> TEMPLATE;
            case "with" -> WITH;
            default -> null;
        };
    }
}
