package dev.rset.forge.hook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC signatures and constant-time comparison of secrets. */
public final class Hmac {
    private Hmac() {
    }

    /** The HMAC of {@code body} keyed with {@code key}; {@code algorithm} is a JCA name such as HmacSHA256. */
    public static byte[] sign(String algorithm, String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC " + algorithm + " is unavailable", e);
        }
    }

    public static String signHex(String algorithm, String key, byte[] body) {
        return HexFormat.of().formatHex(sign(algorithm, key, body));
    }

    /**
     * True when the hex string {@code givenHex} encodes exactly {@code expected}. The comparison
     * takes the same time wherever the first difference is, so a caller cannot learn a valid
     * signature byte by byte.
     */
    public static boolean matchesHex(byte[] expected, String givenHex) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(givenHex.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    /** Constant-time equality of two secrets as UTF-8 bytes. */
    public static boolean sameSecret(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
