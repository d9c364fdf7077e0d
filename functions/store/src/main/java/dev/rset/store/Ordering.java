package dev.rset.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * The position of a write in the history of one input, e.g. a pull request's {@code updated_at}
 * and its head SHA or the webhook delivery id. Writes carry it so that a delivery that arrives
 * late (an "opened" after a "closed") can never undo a newer one. Ties on the event time are
 * broken by the sequence string so that two different writes never compare equal by accident.
 */
public record Ordering(Instant eventTime, String sequence) implements Comparable<Ordering> {
    private static final Comparator<Ordering> ORDER =
            Comparator.comparing(Ordering::eventTime).thenComparing(Ordering::sequence);

    public Ordering {
        Objects.requireNonNull(eventTime, "eventTime");
        sequence = sequence == null ? "" : sequence;
    }

    @Override
    public int compareTo(Ordering other) {
        return ORDER.compare(this, other);
    }
}
