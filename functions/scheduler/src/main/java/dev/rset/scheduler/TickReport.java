package dev.rset.scheduler;

import java.util.List;

/**
 * What one tick did: {@code due} entries the index returned, what was done with each object this
 * tick claimed, {@code notClaimed} (another tick had it, or it changed), {@code leftForNextTick}
 * (the time ran short), {@code failed} (an error; due again when its claim lapses).
 */
public record TickReport(int due, List<Handled> handled, int notClaimed, int leftForNextTick, int failed) {
    public TickReport {
        handled = List.copyOf(handled);
    }
}
