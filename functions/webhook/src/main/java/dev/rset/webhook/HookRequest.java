package dev.rset.webhook;

import dev.rset.forge.hook.Headers;
import java.time.Instant;

/**
 * An HTTP request to {@code /hook/{digest}}, independent of API Gateway's event shape.
 * {@code bodySize} is the decoded size, known before the body is decoded.
 */
public record HookRequest(String method, String digest, Headers headers, BodySource body, Instant receivedAt) {
    /** The body, decoded only after the size check passed. */
    public interface BodySource {
        long size();

        byte[] bytes();
    }
}
