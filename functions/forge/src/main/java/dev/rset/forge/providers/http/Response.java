package dev.rset.forge.providers.http;

import java.net.URI;
import java.net.http.HttpHeaders;

/** A successful (2xx) answer, its body read up to the caller's size limit. */
public record Response(URI uri, int status, HttpHeaders headers, byte[] body) {
    public String header(String name) {
        return headers.firstValue(name).orElse("");
    }
}
