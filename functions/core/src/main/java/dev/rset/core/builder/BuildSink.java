package dev.rset.core.builder;

import java.util.Map;

/**
 * Where {@link ResourceSetBuilder} hands each object as soon as it is kept, so a caller that
 * writes objects out (the CLI) need not hold them all as maps. A failing build throws after some
 * objects were handed over; the sink's owner decides what becomes of them.
 */
public interface BuildSink {
    /** A step begins; {@code name} is empty for a ResourceSet without steps (one anonymous step). */
    void step(String name, String timeout);

    /** The next object of the current step, de-duplicated and with its common metadata set. */
    void object(Map<String, Object> object);
}
