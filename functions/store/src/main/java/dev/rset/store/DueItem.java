package dev.rset.store;

import java.time.Instant;

/** One answer of the due query: an object whose next due time has passed. */
public record DueItem(ObjectKey key, Instant dueAt) {
}
