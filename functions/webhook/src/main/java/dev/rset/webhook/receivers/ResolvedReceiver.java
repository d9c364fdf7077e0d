package dev.rset.webhook.receivers;

import dev.rset.core.api.Receiver;
import dev.rset.forge.hook.ReceiverType;

/** A receiver found by its webhook path, with its token for verification. */
public record ResolvedReceiver(Receiver receiver, ReceiverType type, String token) {
    /** The key de-duplication records are kept under. */
    public String key() {
        return receiver.namespace() + "/" + receiver.name();
    }

    @Override
    public String toString() {
        return "ResolvedReceiver[" + key() + ", " + type.wire() + ", token=<redacted>]";
    }
}
