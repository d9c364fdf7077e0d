package dev.rset.ops;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One call of a function's handler: its name and request id (Lambda's {@code awsRequestId}), which
 * every log line written meanwhile carries, the metrics recorded meanwhile, written as one
 * Embedded Metric Format line when it closes, and fields the code it calls adds for the handler's
 * closing line ({@link #annotate}). Bound to the thread that started it; {@link #wrap} carries it
 * to pool threads. Invocations nest (under {@code rset dev} the webhook's thread runs the
 * dispatcher): closing one restores the one before.
 */
public final class Invocation implements AutoCloseable {
    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    private final String function;
    private final String requestId;
    private final long startNanos = System.nanoTime();
    private final MetricSet metrics = new MetricSet();
    private final Map<String, Object> annotations = new ConcurrentHashMap<>();
    private final Invocation outer;
    private final Thread owner;

    private Invocation(String function, String requestId, Invocation outer) {
        this.function = function;
        this.requestId = requestId;
        this.outer = outer;
        this.owner = Thread.currentThread();
    }

    /** Starts an invocation on this thread; {@code requestId} null or empty gets a random one. */
    public static Invocation start(String function, String requestId) {
        Invocation i = new Invocation(function, requestId == null || requestId.isEmpty()
                ? java.util.UUID.randomUUID().toString() : requestId, CURRENT.get());
        CURRENT.set(i);
        return i;
    }

    public static Optional<Invocation> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public String function() {
        return function;
    }

    public String requestId() {
        return requestId;
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    MetricSet metrics() {
        return metrics;
    }

    /** Adds a field to the handler's closing line (the receiver a delivery was for, its delivery id). */
    public static void annotate(String key, Object value) {
        Invocation i = CURRENT.get();
        if (i != null && value != null) {
            i.annotations.put(key, value);
        }
    }

    /** The fields {@link #annotate} added, for the handler's closing line. */
    public Map<String, Object> annotations() {
        return Map.copyOf(annotations);
    }

    /** {@code task} run on another thread as part of the invocation current here (if any). */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Invocation i = CURRENT.get();
        if (i == null) {
            return task;
        }
        return () -> {
            Invocation before = CURRENT.get();
            CURRENT.set(i);
            try {
                return task.call();
            } finally {
                CURRENT.set(before);
            }
        };
    }

    /** Writes the metrics recorded (if any) and makes the outer invocation current again. */
    @Override
    public void close() {
        try {
            if (!metrics.isEmpty()) {
                Emf.documents(Telemetry.namespace(), function, requestId, metrics.snapshot(),
                        System.currentTimeMillis()).forEach(Telemetry.metricsSink());
            }
        } finally {
            if (Thread.currentThread() == owner) {
                if (outer == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(outer);
                }
            }
        }
    }
}
