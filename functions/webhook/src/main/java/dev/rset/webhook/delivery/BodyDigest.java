package dev.rset.webhook.delivery;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a delivery's body as received: what the forge's signature covers, so unlike the
 * delivery id header (which no forge signs) it names the write a delivery makes.
 */
public final class BodyDigest {
    private BodyDigest() {
    }

    public static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
