package dev.rset.ops;

/**
 * Records a metric in the current {@link Invocation}; without one (a unit test, {@code rset dev}
 * without JSON logs) nothing is recorded. The names are the ones the README's Operations section
 * lists; the namespace and the {@code Function} dimension are added when the line is written.
 */
public final class Metrics {
    private Metrics() {
    }

    public static void count(String name) {
        count(name, 1);
    }

    public static void count(String name, long n) {
        Invocation.current().ifPresent(i -> i.metrics().add(name, MetricSet.Unit.Count, n));
    }

    public static void milliseconds(String name, long millis) {
        Invocation.current().ifPresent(i -> i.metrics().add(name, MetricSet.Unit.Milliseconds, millis));
    }
}
