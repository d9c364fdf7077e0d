package dev.rset.core.template.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<Item> lex(String input, String left, String right, boolean breakOK) {
        Lexer l = new Lexer(input, left, right, breakOK, true);
        List<Item> items = new ArrayList<>();
        Item i;
        do {
            i = l.nextItem();
            items.add(i);
        } while (i.type() != ItemType.EOF && i.type() != ItemType.ERROR);
        return items;
    }

    private static String describe(List<Item> items) {
        StringBuilder sb = new StringBuilder();
        for (Item i : items) {
            sb.append(i.type()).append(':').append(i.val()).append('@').append(i.line()).append(' ');
        }
        return sb.toString().trim();
    }

    @Test
    void tokensOfAnActionWithCustomDelimsAndTrimMarkers() {
        List<Item> items = lex("a \n<<- $x := .b.c | f 1 \"s\" ->>\n z", "<<", ">>", true);
        assertEquals("TEXT:a@1 LEFT_DELIM:<<@2 VARIABLE:$x@2 SPACE: @2 DECLARE::=@2 SPACE: @2 FIELD:.b@2 FIELD:.c@2"
                + " SPACE: @2 PIPE:|@2 SPACE: @2 IDENTIFIER:f@2 SPACE: @2 NUMBER:1@2 SPACE: @2 STRING:\"s\"@2"
                + " RIGHT_DELIM:>>@2 TEXT:z@3 EOF:@3", describe(items));
    }

    @Test
    void trimMarkerNeedsTheSpace() {
        assertEquals("LEFT_DELIM:{{@1 NUMBER:-3@1 RIGHT_DELIM:}}@1 EOF:@1", describe(lex("{{-3}}", "{{", "}}", true)));
    }

    @Test
    void commentsVanishAndCountTheirLines() {
        assertEquals("TEXT:a@1 TEXT:b@3 EOF:@3", describe(lex("a{{/* x\n\n */}}b", "{{", "}}", true)));
    }

    @Test
    void rawStringsCountNewlines() {
        List<Item> items = lex("{{`a\nb`}} {{.x}}", "{{", "}}", true);
        assertEquals("LEFT_DELIM:{{@1 RAW_STRING:`a\nb`@1 RIGHT_DELIM:}}@2 TEXT: @2 LEFT_DELIM:{{@2 FIELD:.x@2"
                + " RIGHT_DELIM:}}@2 EOF:@2", describe(items));
    }

    @Test
    void keywordsAndBooleans() {
        assertEquals("LEFT_DELIM:{{@1 IF:if@1 SPACE: @1 BOOL:true@1 SPACE: @1 NIL:nil@1 SPACE: @1 DOT:.@1"
                + " SPACE: @1 BREAK:break@1 RIGHT_DELIM:}}@1 EOF:@1",
                describe(lex("{{if true nil . break}}", "{{", "}}", true)));
    }

    /** With a function named "break", break is an identifier, as in Go. */
    @Test
    void breakIsAnIdentifierWhenAFunctionHasThatName() {
        assertEquals(ItemType.IDENTIFIER, lex("{{break}}", "{{", "}}", false).get(1).type());
    }

    @Test
    void numbersOfEveryBase() {
        List<Item> items = lex("{{0x1F 0o17 0b1 1_000 1.5e3 .5 1i 1+2i 'a'}}", "{{", "}}", true);
        List<String> kinds = new ArrayList<>();
        for (Item i : items) {
            if (i.type() != ItemType.SPACE) {
                kinds.add(i.type() + ":" + i.val());
            }
        }
        assertEquals(List.of("LEFT_DELIM:{{", "NUMBER:0x1F", "NUMBER:0o17", "NUMBER:0b1", "NUMBER:1_000", "NUMBER:1.5e3",
                "NUMBER:.5", "NUMBER:1i", "COMPLEX:1+2i", "CHAR_CONSTANT:'a'", "RIGHT_DELIM:}}", "EOF:"), kinds);
    }

    @Test
    void badCharacterIsAnError() {
        Lexer l = new Lexer("{{.x#}} more", "{{", "}}", true, true);
        l.nextItem();
        Item error = l.nextItem();
        assertEquals(ItemType.ERROR, error.type());
        assertEquals("bad character U+0023 '#'", error.val());
    }

    @Test
    void itemStringsAreGoQuoted() {
        assertEquals("\"}\"", new Item(ItemType.CHAR, 0, "}", 1).toString());
        assertEquals("<end>", new Item(ItemType.END, 0, "end", 1).toString());
        assertEquals("EOF", new Item(ItemType.EOF, 0, "", 1).toString());
        assertEquals("\"abcdefghij\"...", new Item(ItemType.STRING, 0, "abcdefghijkl", 1).toString());
    }
}
