package dev.rset.core.template.sprig;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code path} package. On Linux {@code path/filepath} behaves identically (same separator,
 * same rules), so sprig's {@code os*} functions use these too.
 */
final class GoPath {
    private GoPath() {
    }

    /** {@code path.Clean}: the shortest equivalent path by purely lexical processing. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String element : path.split("/", -1)) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else if (!rooted) {
                    parts.add(".."); // a relative path keeps leading ".."; a rooted one drops it
                }
                continue;
            }
            parts.add(element);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** {@code path.Base}: the last element, trailing slashes removed. */
    static String base(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            return "/";
        }
        String trimmed = path.substring(0, end);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** {@code path.Dir}: all but the last element, cleaned. */
    static String dir(String path) {
        return clean(path.substring(0, path.lastIndexOf('/') + 1));
    }

    /** {@code path.Ext}: the suffix from the final dot of the last element, or "". */
    static String ext(String path) {
        for (int i = path.length() - 1; i >= 0 && path.charAt(i) != '/'; i--) {
            if (path.charAt(i) == '.') {
                return path.substring(i);
            }
        }
        return "";
    }

    static boolean isAbs(String path) {
        return path.startsWith("/");
    }
}
