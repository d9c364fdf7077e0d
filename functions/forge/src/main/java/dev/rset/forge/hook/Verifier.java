package dev.rset.forge.hook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks that a delivery was sent by someone who knows the receiver's token, the way each forge
 * proves it (see DESIGN.md, Webhooks). Throws {@link Rejection} (401) with a reason naming the
 * header; a payload is parsed only after this passes.
 */
public final class Verifier {
    public static final String GITHUB_SIGNATURE = "X-Hub-Signature-256";
    public static final String GITLAB_TOKEN = "X-Gitlab-Token";
    public static final String GITEA_SIGNATURE = "X-Gitea-Signature";
    public static final String FORGEJO_SIGNATURE = "X-Forgejo-Signature";
    public static final String GENERIC_SIGNATURE = "X-Signature";
    public static final String AUTHORIZATION = "Authorization";

    private Verifier() {
    }

    public static void verify(ReceiverType type, String token, Delivery delivery) {
        Headers h = delivery.headers();
        byte[] body = delivery.body();
        switch (type) {
            case GITHUB -> prefixedHmac(h, GITHUB_SIGNATURE, token, body, false);
            case GITLAB -> {
                String given = required(h, GITLAB_TOKEN);
                if (!Hmac.sameSecret(token, given)) {
                    throw Rejection.unauthorized(GITLAB_TOKEN + " does not match the receiver's token");
                }
            }
            case GITEA -> plainHmac(h, GITEA_SIGNATURE, token, body);
            // Forgejo sends its own header and, for compatibility, the Gitea one.
            case FORGEJO -> plainHmac(h, h.has(FORGEJO_SIGNATURE) || !h.has(GITEA_SIGNATURE)
                    ? FORGEJO_SIGNATURE : GITEA_SIGNATURE, token, body);
            case AZURE_DEVOPS -> basicAuth(h, token);
            case GENERIC -> {
                // The secret URL path is the only credential, as in Flux.
            }
            case GENERIC_HMAC -> prefixedHmac(h, GENERIC_SIGNATURE, token, body, true);
            default -> throw new IllegalArgumentException("unhandled receiver type " + type);
        }
    }

    private static String required(Headers h, String header) {
        String v = h.get(header);
        if (v.isEmpty()) {
            throw Rejection.unauthorized("missing " + header + " header");
        }
        return v;
    }

    private static void plainHmac(Headers h, String header, String token, byte[] body) {
        String given = required(h, header);
        if (!Hmac.matchesHex(Hmac.sign("HmacSHA256", token, body), given)) {
            throw Rejection.unauthorized(header + " does not match the payload");
        }
    }

    /** {@code algo=hex}; GitHub allows only sha256, generic-hmac also sha1 and sha512 as Flux does. */
    private static void prefixedHmac(Headers h, String header, String token, byte[] body, boolean anyAlgorithm) {
        String given = required(h, header);
        int eq = given.indexOf('=');
        String algo = eq < 0 ? "" : given.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String jca = switch (algo) {
            case "sha256" -> "HmacSHA256";
            case "sha1" -> anyAlgorithm ? "HmacSHA1" : null;
            case "sha512" -> anyAlgorithm ? "HmacSHA512" : null;
            default -> null;
        };
        if (jca == null) {
            throw Rejection.unauthorized(header + " must have the form "
                    + (anyAlgorithm ? "sha1|sha256|sha512" : "sha256") + "=<hex HMAC of the body>");
        }
        if (!Hmac.matchesHex(Hmac.sign(jca, token, body), given.substring(eq + 1))) {
            throw Rejection.unauthorized(header + " does not match the payload");
        }
    }

    /** Azure DevOps service hooks send the token as the basic-auth password; the user name is free. */
    private static void basicAuth(Headers h, String token) {
        String auth = required(h, AUTHORIZATION);
        if (!auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw Rejection.unauthorized(AUTHORIZATION + " must use the Basic scheme");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Rejection.unauthorized(AUTHORIZATION + " is not valid base64");
        }
        int colon = decoded.indexOf(':');
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        if (!Hmac.sameSecret(token, password)) {
            throw Rejection.unauthorized(AUTHORIZATION + " password does not match the receiver's token");
        }
    }
}
