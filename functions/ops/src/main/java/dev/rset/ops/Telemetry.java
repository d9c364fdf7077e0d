package dev.rset.ops;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where log lines and metric lines go. The functions log through {@code System.Logger}, which
 * the JDK backs with java.util.logging (and fabric8's SLF4J logs reach it through slf4j-jdk14):
 * {@link #json} replaces the root handlers with one writing a {@link JsonLogFormatter} line per
 * record and sends the EMF lines to the same stream. Without it, java.util.logging's own format
 * stays ({@code rset dev} by default) and metrics are dropped.
 */
public final class Telemetry {
    public static final String DEFAULT_NAMESPACE = "ResourceSetServerless";
    /** The variables {@link #forLambda} reads (template.yaml sets them for every function). */
    public static final String ENV_LOG_LEVEL = "RSET_LOG_LEVEL";
    public static final String ENV_METRICS_NAMESPACE = "RSET_METRICS_NAMESPACE";
    private static volatile String namespace = DEFAULT_NAMESPACE;
    private static volatile Consumer<String> metricsSink = line -> { };
    private static volatile boolean lambda;

    private Telemetry() {
    }

    /**
     * A Lambda function's set-up, once per container: JSON lines and EMF lines on stdout (the
     * function's CloudWatch log group), at {@code RSET_LOG_LEVEL} ({@code INFO} unless set:
     * {@code DEBUG}, {@code WARN}, {@code ERROR}), metrics in {@code RSET_METRICS_NAMESPACE}.
     */
    public static synchronized void forLambda(Map<String, String> env) {
        if (lambda) {
            return;
        }
        lambda = true;
        namespace = env.getOrDefault(ENV_METRICS_NAMESPACE, DEFAULT_NAMESPACE);
        json(System.out, level(env.getOrDefault(ENV_LOG_LEVEL, "INFO")));
    }

    /** JSON log lines and EMF lines on {@code out}, records at {@code level} and above. */
    public static void json(PrintStream out, Level level) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Handler handler = new LineHandler(out);
        handler.setLevel(level);
        root.addHandler(handler);
        root.setLevel(level);
        metricsSink = line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        };
    }

    /** Where EMF lines go (tests read them here). */
    public static void metricsTo(Consumer<String> sink) {
        metricsSink = sink;
    }

    static Consumer<String> metricsSink() {
        return metricsSink;
    }

    static String namespace() {
        return namespace;
    }

    static Level level(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> Level.FINEST;
            case "DEBUG" -> Level.FINE;
            case "WARN", "WARNING" -> Level.WARNING;
            case "ERROR" -> Level.SEVERE;
            default -> Level.INFO;
        };
    }

    /** One formatted line per record, flushed at once: a function may be frozen right after it answers. */
    private static final class LineHandler extends Handler {
        private final PrintStream out;

        LineHandler(PrintStream out) {
            this.out = out;
            setFormatter(new JsonLogFormatter());
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String line = getFormatter().format(record);
            synchronized (out) {
                out.print(line);
                out.flush();
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
