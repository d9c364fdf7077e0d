package dev.rset.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Bounded polling for what a cluster finishes after answering (a delete that the garbage collector
 * completes, a CRD becoming established): the condition is checked until it holds or the time is up,
 * and then the failure names what was awaited.
 */
public final class Await {
    private static final long POLL_MILLIS = 50;

    private Await() {
    }

    public static void until(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
