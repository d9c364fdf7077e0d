package dev.rset.forge.event;

import dev.rset.forge.hook.Headers;
import dev.rset.forge.hook.Rejection;

/** The event-type header each forge sends: without it a verified delivery cannot be read. */
final class EventHeaders {
    private EventHeaders() {
    }

    /**
     * The value of {@code name}, else of the first fallback that is present (Forgejo also sends
     * the Gitea headers); a 400 naming {@code name} when none is.
     */
    static String required(Headers h, String name, String... fallbacks) {
        String v = first(h, name, fallbacks);
        if (v.isEmpty()) {
            throw Rejection.badRequest("missing " + name + " header");
        }
        return v;
    }

    /** The value of {@code name}, else of the first fallback that is present, else empty. */
    static String first(Headers h, String name, String... fallbacks) {
        String v = h.get(name);
        for (int i = 0; v.isEmpty() && i < fallbacks.length; i++) {
            v = h.get(fallbacks[i]);
        }
        return v;
    }
}
