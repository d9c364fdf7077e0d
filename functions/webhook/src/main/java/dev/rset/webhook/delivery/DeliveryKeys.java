package dev.rset.webhook.delivery;

import dev.rset.forge.hook.ReceiverType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The keys a delivery is de-duplicated by: its delivery id header, which no forge signs (so a
 * captured delivery replayed under a new id would pass on it alone), and the SHA-256 of the body
 * as received, which the signature covers. Generic receivers get no body key: their bodies carry
 * no event and may well repeat, and each request asks only for a reconcile.
 */
public final class DeliveryKeys {
    /** Longer ids are stored by their digest: a sort key holds at most 1,024 bytes. */
    private static final int MAX_ID_LENGTH = 200;

    private DeliveryKeys() {
    }

    public static List<String> of(ReceiverType type, String deliveryId, byte[] body) {
        List<String> keys = new ArrayList<>(2);
        if (!deliveryId.isEmpty()) {
            keys.add(deliveryId.length() <= MAX_ID_LENGTH ? "id:" + deliveryId
                    : "id-sha256:" + sha256(deliveryId.getBytes(StandardCharsets.UTF_8)));
        }
        if (type != ReceiverType.GENERIC && type != ReceiverType.GENERIC_HMAC) {
            keys.add("sha256:" + sha256(body));
        }
        return List.copyOf(keys);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
