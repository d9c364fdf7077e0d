package dev.rset.forge.providers.oci;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A registry's {@code WWW-Authenticate} answer: {@code Bearer realm="…",service="…",scope="…"} or {@code Basic realm="…"}. */
record Challenge(String scheme, Map<String, String> params) {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z_]+)=\"([^\"]*)\"|([A-Za-z_]+)=([^,\\s]+)");

    static Challenge parse(String header) {
        String h = header.trim();
        int space = h.indexOf(' ');
        String scheme = space < 0 ? h : h.substring(0, space);
        Map<String, String> params = new LinkedHashMap<>();
        if (space >= 0) {
            Matcher m = PARAM.matcher(h.substring(space + 1));
            while (m.find()) {
                if (m.group(1) != null) {
                    params.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
                } else {
                    params.put(m.group(3).toLowerCase(java.util.Locale.ROOT), m.group(4));
                }
            }
        }
        return new Challenge(scheme.toLowerCase(java.util.Locale.ROOT), params);
    }

    boolean bearer() {
        return scheme.equals("bearer") && !params.getOrDefault("realm", "").isEmpty();
    }

    boolean basic() {
        return scheme.equals("basic");
    }
}
