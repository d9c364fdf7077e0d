package dev.rset.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.rset.forge.hook.Headers;
import dev.rset.forge.hook.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** API Gateway HTTP API (payload v2) events as {@link HookRequest}s. */
final class ApiGatewayRequests {
    private ApiGatewayRequests() {
    }

    static HookRequest of(APIGatewayV2HTTPEvent e, Instant receivedAt) {
        String method = e.getRequestContext() != null && e.getRequestContext().getHttp() != null
                ? e.getRequestContext().getHttp().getMethod() : "";
        Map<String, String> params = e.getPathParameters();
        String digest = params != null && params.get("digest") != null ? params.get("digest") : lastSegment(
                e.getRawPath());
        String body = e.getBody() == null ? "" : e.getBody();
        return new HookRequest(method == null ? "" : method, digest, Headers.of(e.getHeaders()),
                new Body(body, e.getIsBase64Encoded()), receivedAt);
    }

    private static String lastSegment(String path) {
        if (path == null) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The body as API Gateway hands it over: text, or base64 for binary media types. */
    private record Body(String text, boolean base64) implements HookRequest.BodySource {
        @Override
        public long size() {
            // Decoded size without decoding: 3 bytes per 4 characters, minus padding.
            if (base64) {
                long pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
                return text.length() / 4L * 3 - pad;
            }
            return utf8Length(text);
        }

        @Override
        public byte[] bytes() {
            try {
                return base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw Rejection.badRequest("body is marked base64 but is not valid base64");
            }
        }

        private static long utf8Length(String s) {
            long n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    n++;
                } else if (c < 0x800) {
                    n += 2;
                } else if (Character.isHighSurrogate(c)) {
                    n += 4;
                    i++;
                } else {
                    n += 3;
                }
            }
            return n;
        }
    }
}
