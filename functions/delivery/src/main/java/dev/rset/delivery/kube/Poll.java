package dev.rset.delivery.kube;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Asks a question of the cluster again and again until it has an answer or time runs out. */
public final class Poll {
    /** Short: the API server answers in milliseconds and callers wait on whole runs. */
    public static final Duration INTERVAL = Duration.ofMillis(200);

    private Poll() {
    }

    /** The probe's first non-empty answer, or empty when {@code timeout} passes first. */
    public static <T> Optional<T> until(Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> answer = probe.get();
            if (answer.isPresent()) {
                return answer;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(Math.min(INTERVAL.toMillis(), Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Whether {@code condition} became true before {@code timeout} passed. */
    public static boolean until(Duration timeout, java.util.function.BooleanSupplier condition) {
        return until(timeout, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty()).isPresent();
    }
}
