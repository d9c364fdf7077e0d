package dev.rset.forge.event;

import dev.rset.forge.hook.Rejection;
import java.nio.charset.StandardCharsets;

/**
 * Sizes no forge sends (GitHub caps a title at 256 characters, git a ref name at what a file
 * system allows) but a hostile sender may: such an event is refused with 413 before anything is
 * written, instead of failing at the store on every retry.
 */
public final class EventLimits {
    /** Bytes of one text field (title, author, ref name, SHA), and of all labels together. */
    public static final int MAX_FIELD_BYTES = 64 * 1024;

    private EventLimits() {
    }

    public static void check(ParsedDelivery d) {
        if (d.event() instanceof ChangeRequestEvent e) {
            field(d, "title", e.title());
            field(d, "author", e.author());
            field(d, "branch", e.branch());
            field(d, "sha", e.sha());
            field(d, "labels", String.join("", e.labels()));
        } else if (d.event() instanceof RefEvent e) {
            for (RefUpdate u : e.updates()) {
                field(d, "ref", u.name());
                field(d, "sha", u.sha());
            }
        }
    }

    private static void field(ParsedDelivery d, String name, String value) {
        // A char takes at most 3 bytes in UTF-8: only long strings need counting.
        if (value.length() * 3L <= MAX_FIELD_BYTES) {
            return;
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_FIELD_BYTES) {
            throw new Rejection(413, d.eventName() + " event: " + name + " is " + bytes + " bytes, the limit is "
                    + MAX_FIELD_BYTES);
        }
    }
}
