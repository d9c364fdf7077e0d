package dev.rset.core.template.parse;

import dev.rset.core.gotypes.GoFormat;
import java.nio.charset.StandardCharsets;

/**
 * A token: its type, its start offset in the template text (in chars), its text and the line it
 * starts on.
 */
public record Item(ItemType type, int pos, String val, int line) {
    /** Go's {@code item.String()}, which parse errors quote: {@code "}"}, {@code <end>}, {@code EOF}. */
    @Override
    public String toString() {
        if (type == ItemType.EOF) {
            return "EOF";
        }
        if (type == ItemType.ERROR) {
            return val;
        }
        if (type.isKeyword()) {
            return "<" + val + ">";
        }
        if (val.getBytes(StandardCharsets.UTF_8).length > 10) { // Go's len counts bytes
            return GoFormat.sprintf("%.10q...", val);
        }
        return GoFormat.quote(val);
    }
}
