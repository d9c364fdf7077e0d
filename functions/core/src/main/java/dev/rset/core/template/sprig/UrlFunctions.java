package dev.rset.core.template.sprig;

import static dev.rset.core.template.ParamType.MAP;
import static dev.rset.core.template.ParamType.STRING;

import dev.rset.core.gotypes.GoKind;
import dev.rset.core.gotypes.GoTypes;
import dev.rset.core.template.FuncMap;
import dev.rset.core.template.FunctionException;
import dev.rset.core.template.Signature;
import java.util.LinkedHashMap;
import java.util.Map;

/** sprig's url.go: {@code urlParse} to a dict of URL parts and {@code urlJoin} back. */
final class UrlFunctions {
    private UrlFunctions() {
    }

    static void register(FuncMap m) {
        m.put("urlParse", Signature.of(STRING), a -> {
            GoUrl u;
            try {
                u = GoUrl.parse((String) a[0]);
            } catch (GoUrl.ParseError e) {
                throw GoUrl.panic(e);
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("scheme", u.scheme());
            d.put("host", u.host());
            d.put("hostname", u.hostname());
            d.put("path", u.path());
            d.put("query", u.rawQuery());
            d.put("opaque", u.opaque());
            d.put("fragment", u.fragment());
            d.put("userinfo", u.user() == null ? "" : u.user().format());
            return d;
        });
        m.put("urlJoin", Signature.of(MAP), a -> join(cast(a[0])));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    private static String join(Map<String, Object> d) {
        String userinfo = part(d, "userinfo");
        GoUrl.Userinfo user = null;
        if (!userinfo.isEmpty()) {
            try {
                user = GoUrl.parse("proto://" + userinfo + "@host").user();
            } catch (GoUrl.ParseError e) {
                throw new FunctionException("unable to parse userinfo in dict: " + e.getMessage());
            }
        }
        return new GoUrl(part(d, "scheme"), part(d, "opaque"), user, part(d, "host"), part(d, "path"),
                part(d, "query"), part(d, "fragment")).format();
    }

    /** sprig {@code dictGetOrEmpty}: a missing key is "", a non-string value panics. */
    private static String part(Map<String, Object> d, String key) {
        if (!d.containsKey(key)) {
            return "";
        }
        Object v = d.get(key);
        if (v == null) {
            throw new FunctionException(GoReflect.NIL_DEREFERENCE);
        }
        if (GoTypes.kind(v) != GoKind.STRING) {
            throw new FunctionException("unable to parse " + key + " key, must be of type string, but "
                    + GoTypes.kind(v).goName() + " found");
        }
        return (String) v;
    }
}
