package dev.rset.forge.providers.github;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * The JSON Web Token a GitHub App signs (RS256) to ask for installation tokens: issued a minute in
 * the past against clock drift, valid nine minutes (GitHub allows at most ten), issuer the app id.
 */
final class AppJwt {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private AppJwt() {
    }

    static String sign(String appId, PrivateKey key, Instant now) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iat\":" + (now.getEpochSecond() - 60) + ",\"exp\":" + (now.getEpochSecond() + 540)
                + ",\"iss\":\"" + appId.replaceAll("[^0-9A-Za-z._-]", "") + "\"}";
        String signingInput = b64(header) + "." + b64(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a GitHub App JWT with RS256", e);
        }
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
