package dev.rset.core.template.sprig;

import dev.rset.core.template.FunctionException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The parts of Go's {@code net/url} that sprig's {@code urlParse} and {@code urlJoin} use:
 * {@code url.Parse} (scheme, opaque, authority, path, raw query, fragment), {@code Hostname},
 * {@code Userinfo.String} and {@code URL.String}, with Go's escaping rules and error texts.
 */
record GoUrl(String scheme, String opaque, Userinfo user, String host, String path, String rawQuery,
        String fragment) {

    /** A user name and optional password, unescaped. */
    record Userinfo(String username, String password) {
        /** {@code Userinfo.String()}: escaped, password after a colon when set. */
        String format() {
            String s = escape(username, Mode.USER_PASSWORD);
            return password == null ? s : s + ":" + escape(password, Mode.USER_PASSWORD);
        }
    }

    enum Mode { PATH, USER_PASSWORD, HOST, FRAGMENT }

    /** Go's {@code url.Error}: {@code parse "RAW": CAUSE}. */
    static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError(String raw, String cause) {
            super("parse " + GoStrings.quote(raw) + ": " + cause, null, false, false);
        }
    }

    private static final class Cause extends Exception {
        private static final long serialVersionUID = 1L;

        Cause(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code url.Parse}. */
    static GoUrl parse(String raw) throws ParseError {
        int hash = raw.indexOf('#');
        String u = hash < 0 ? raw : raw.substring(0, hash);
        GoUrl url;
        try {
            url = parseWithoutFragment(u);
        } catch (Cause c) {
            throw new ParseError(u, c.getMessage());
        }
        if (hash < 0) {
            return url;
        }
        try {
            String frag = unescape(raw.substring(hash + 1), Mode.FRAGMENT);
            return new GoUrl(url.scheme, url.opaque, url.user, url.host, url.path, url.rawQuery, frag);
        } catch (Cause c) {
            throw new ParseError(raw, c.getMessage());
        }
    }

    private static GoUrl parseWithoutFragment(String raw) throws Cause {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < 0x20 || raw.charAt(i) == 0x7F) {
                throw new Cause("net/url: invalid control character in URL");
            }
        }
        if (raw.equals("*")) {
            return new GoUrl("", "", null, "", "*", "", "");
        }
        String scheme = "";
        String rest = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new Cause("missing protocol scheme");
                }
                scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                rest = raw.substring(i + 1);
            }
            break;
        }
        String rawQuery = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            rawQuery = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new GoUrl(scheme, rest, null, "", "", rawQuery, "");
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
                throw new Cause("first path segment in URL cannot contain colon");
            }
        }
        Userinfo user = null;
        String host = "";
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            int at = authority.lastIndexOf('@');
            host = parseHost(at < 0 ? authority : authority.substring(at + 1));
            if (at >= 0) {
                user = parseUserinfo(authority.substring(0, at));
            }
        }
        return new GoUrl(scheme, "", user, host, unescape(rest, Mode.PATH), rawQuery, "");
    }

    private static Userinfo parseUserinfo(String userinfo) throws Cause {
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && "-._:~!$&'()*+,;=%@".indexOf(c) < 0) {
                throw new Cause("net/url: invalid userinfo");
            }
        }
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            return new Userinfo(unescape(userinfo, Mode.USER_PASSWORD), null);
        }
        return new Userinfo(unescape(userinfo.substring(0, colon), Mode.USER_PASSWORD),
                unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD));
    }

    private static String parseHost(String host) throws Cause {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new Cause("missing ']' in host");
            }
            checkPort(host.substring(close + 1));
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0) {
                checkPort(host.substring(colon));
            }
        }
        return unescape(host, Mode.HOST);
    }

    private static void checkPort(String colonPort) throws Cause {
        if (!validPort(colonPort)) {
            throw new Cause("invalid port " + GoStrings.quote(colonPort) + " after host");
        }
    }

    private static boolean validPort(String colonPort) {
        return colonPort.isEmpty() || colonPort.matches(":[0-9]*");
    }

    /** {@code URL.Hostname()}: the host without port and IPv6 brackets. */
    String hostname() {
        String h = host;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? h.substring(1) : h.substring(1, close);
        }
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && validPort(h.substring(colon))) {
            return h.substring(0, colon);
        }
        return h;
    }

    /** {@code URL.String()}. */
    String format() {
        StringBuilder sb = new StringBuilder();
        if (!scheme.isEmpty()) {
            sb.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            sb.append(opaque);
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || user != null) {
                if (!host.isEmpty() || !path.isEmpty() || user != null) {
                    sb.append("//");
                }
                if (user != null) {
                    sb.append(user.format()).append('@');
                }
                sb.append(escape(host, Mode.HOST));
            }
            String p = escape(path, Mode.PATH);
            if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
                sb.append('/');
            }
            if (sb.length() == 0) {
                int slash = p.indexOf('/');
                if ((slash < 0 ? p : p.substring(0, slash)).contains(":")) {
                    sb.append("./"); // keep a colon in the first segment from reading as a scheme
                }
            }
            sb.append(p);
        }
        if (!rawQuery.isEmpty()) {
            sb.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            sb.append('#').append(escape(fragment, Mode.FRAGMENT));
        }
        return sb.toString();
    }

    private static boolean shouldEscape(int c, Mode mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if (mode == Mode.HOST && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            return switch (mode) {
                case PATH -> c == '?';
                case USER_PASSWORD -> c == '@' || c == '/' || c == '?' || c == ':';
                case FRAGMENT -> false;
                case HOST -> true;
            };
        }
        return !(mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0);
    }

    static String escape(String s, Mode mode) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && !shouldEscape(c, mode)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    private static String unescape(String s, Mode mode) throws Cause {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; ) {
            int c = in[i] & 0xFF;
            if (c == '%') {
                if (i + 2 >= in.length || Character.digit(in[i + 1], 16) < 0 || Character.digit(in[i + 2], 16) < 0) {
                    String bad = new String(in, i, Math.min(3, in.length - i), StandardCharsets.UTF_8);
                    throw new Cause("invalid URL escape " + GoStrings.quote(bad));
                }
                int hi = Character.digit(in[i + 1], 16);
                if (mode == Mode.HOST && hi < 8 && !(in[i + 1] == '2' && in[i + 2] == '5')) {
                    throw new Cause("invalid URL escape " + GoStrings.quote(new String(in, i, 3, StandardCharsets.UTF_8)));
                }
                out.write(hi << 4 | Character.digit(in[i + 2], 16));
                i += 3;
            } else {
                if (mode == Mode.HOST && c < 0x80 && shouldEscape(c, mode)) {
                    throw new Cause("invalid character " + GoStrings.quote(String.valueOf((char) c)) + " in host name");
                }
                out.write(c);
                i++;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static FunctionException panic(ParseError e) {
        return new FunctionException("unable to parse url: " + e.getMessage());
    }
}
