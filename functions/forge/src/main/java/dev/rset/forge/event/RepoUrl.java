package dev.rset.forge.event;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Repository URLs reduced to {@code host/path} so that a provider's {@code spec.url} and the URL a
 * payload reports compare equal despite scheme, user info ({@code org@dev.azure.com}), case,
 * a trailing slash or {@code .git}.
 */
public final class RepoUrl {
    private RepoUrl() {
    }

    public static String normalize(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String s = url.trim();
        String host;
        String path;
        try {
            URI u = new URI(s.contains("://") ? s : "https://" + s);
            host = u.getHost() == null ? "" : u.getHost();
            int port = u.getPort();
            if (port > 0 && port != 80 && port != 443) {
                host = host + ":" + port;
            }
            path = u.getPath() == null ? "" : u.getPath();
        } catch (URISyntaxException e) {
            return s.toLowerCase(Locale.ROOT);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        return (host + path).toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        String na = normalize(a);
        return !na.isEmpty() && na.equals(normalize(b));
    }
}
