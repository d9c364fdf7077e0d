package dev.rset.api.resources;

import dev.rset.api.http.ApiException;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code continue} token of a list page: the last object of the page, with the kind and
 * namespace of the listing, so that a token is only good for the listing that gave it. Opaque to
 * clients (base64url); not a secret (it names an object the caller could list).
 */
final class ListContinue {
    private static final String VERSION = "v1";

    private ListContinue() {
    }

    static String encode(Kind kind, String namespace, ObjectKey last) {
        String text = String.join("|", VERSION, kind.kind(), namespace, last.namespace(), last.name());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The object to list after; 400 when the token is not one this listing gave. */
    static ObjectKey decode(String token, Kind kind, String namespace) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 5 || !parts[0].equals(VERSION) || !parts[1].equals(kind.kind())
                || !parts[2].equals(namespace)) {
            throw invalid();
        }
        try {
            return new ObjectKey(kind, parts[3], parts[4]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("continue: not a token of this list (send the metadata.continue of the "
                + "previous page of the same list)");
    }
}
