package dev.rset.core.template.sprig;

import static dev.rset.core.template.ParamType.STRING;

import dev.rset.core.template.FuncMap;
import dev.rset.core.template.Signature;

/** sprig's path functions ({@code path}) and their {@code os*} twins ({@code path/filepath} on Linux). */
final class PathFunctions {
    private PathFunctions() {
    }

    static void register(FuncMap m) {
        for (String prefix : new String[] {"", "os"}) {
            m.put(name(prefix, "base"), Signature.of(STRING), a -> GoPath.base((String) a[0]));
            m.put(name(prefix, "dir"), Signature.of(STRING), a -> GoPath.dir((String) a[0]));
            m.put(name(prefix, "clean"), Signature.of(STRING), a -> GoPath.clean((String) a[0]));
            m.put(name(prefix, "ext"), Signature.of(STRING), a -> GoPath.ext((String) a[0]));
            m.put(name(prefix, "isAbs"), Signature.of(STRING), a -> GoPath.isAbs((String) a[0]));
        }
    }

    private static String name(String prefix, String fn) {
        return prefix.isEmpty() ? fn : prefix + Character.toUpperCase(fn.charAt(0)) + fn.substring(1);
    }
}
