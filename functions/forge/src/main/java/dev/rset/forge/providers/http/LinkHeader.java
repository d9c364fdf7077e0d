package dev.rset.forge.providers.http;

import java.net.URI;
import java.net.http.HttpHeaders;

/** The {@code rel="next"} target of RFC 8288 {@code Link} headers (GitHub, Gitea, OCI registries). */
public final class LinkHeader {
    private LinkHeader() {
    }

    /** The next page, resolved against the request's URI (registries send relative links), or null. */
    public static URI next(HttpHeaders headers, URI request) {
        for (String header : headers.allValues("Link")) {
            for (String link : header.split(",(?=\\s*<)")) {
                int open = link.indexOf('<');
                int close = link.indexOf('>', open + 1);
                if (open < 0 || close < 0) {
                    continue;
                }
                String params = link.substring(close + 1).replace(" ", "").toLowerCase(java.util.Locale.ROOT);
                if (params.contains(";rel=\"next\"") || params.contains(";rel=next")) {
                    return request.resolve(link.substring(open + 1, close).trim());
                }
            }
        }
        return null;
    }
}
