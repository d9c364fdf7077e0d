package dev.rset.webhook.delivery;

import dev.rset.forge.hook.Delivery;
import dev.rset.forge.hook.FormPayload;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.hook.Rejection;

/**
 * The content types each receiver takes, as Flux's receiver takes them: JSON from every forge,
 * GitHub's form encoding as well, and anything at all for generic receivers, which read no body.
 */
public final class MediaTypes {
    public static final String JSON = "application/json";

    private MediaTypes() {
    }

    /** Refuses (415) a content type the receiver does not read; checked before verification. */
    public static void check(ReceiverType type, String media) {
        if (type == ReceiverType.GENERIC || type == ReceiverType.GENERIC_HMAC || JSON.equals(media)
                || (type == ReceiverType.GITHUB && FormPayload.MEDIA_TYPE.equals(media))) {
            return;
        }
        String accepted = type == ReceiverType.GITHUB ? JSON + " or " + FormPayload.MEDIA_TYPE : JSON;
        throw new Rejection(415, media.isEmpty() ? "missing Content-Type header: send " + accepted
                : "Content-Type must be " + accepted + " (set the webhook to send JSON), got " + media);
    }

    /** The delivery with its JSON as the body: a verified form delivery's {@code payload} field. */
    public static Delivery json(ReceiverType type, Delivery verified) {
        if (type != ReceiverType.GITHUB || !FormPayload.MEDIA_TYPE.equals(verified.headers().mediaType())) {
            return verified;
        }
        return new Delivery(verified.headers(), FormPayload.json(verified.body()), verified.receivedAt());
    }
}
