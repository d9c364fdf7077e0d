package dev.rset.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One JSON object per log record, on one line (CloudWatch Logs keeps a line as one event):
 * {@code time}, {@code level}, {@code function}, {@code requestId}, {@code message}, {@code logger},
 * then the record's {@link Fields} at the top level, then {@code error} (the exception's class and
 * message, never its stack of causes' messages). A field whose name says it holds a credential
 * ({@code token}, {@code secret}, {@code password}, {@code authorization}, {@code signature},
 * {@code kubeconfig}) is written as {@value #REDACTED}: the code never passes one, and this keeps
 * a mistake from reaching the log.
 */
public final class JsonLogFormatter extends Formatter {
    static final String REDACTED = "[redacted]";
    private static final Set<String> SENSITIVE = Set.of("token", "secret", "password", "authorization", "signature",
            "kubeconfig", "credential");
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String format(LogRecord record) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(record.getInstant()));
            g.writeStringField("level", level(record.getLevel()));
            var inv = Invocation.current();
            if (inv.isPresent()) {
                g.writeStringField("function", inv.get().function());
                g.writeStringField("requestId", inv.get().requestId());
            }
            g.writeStringField("message", formatMessage(record));
            if (record.getLoggerName() != null) {
                g.writeStringField("logger", record.getLoggerName());
            }
            for (Map.Entry<String, Object> f : Fields.in(record.getParameters()).asMap().entrySet()) {
                if (Set.of("time", "level", "function", "requestId", "message", "logger").contains(f.getKey())) {
                    continue;
                }
                g.writeFieldName(f.getKey());
                value(g, f.getKey(), f.getValue());
            }
            Throwable t = record.getThrown();
            if (t != null) {
                g.writeStringField("error", t.getClass().getName() + (t.getMessage() == null ? "" : ": "
                        + t.getMessage()));
                StackTraceElement[] frames = t.getStackTrace();
                if (frames.length > 0) {
                    g.writeStringField("at", frames[0].toString());
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.append(System.lineSeparator()).toString();
    }

    private static void value(JsonGenerator g, String key, Object v) throws IOException {
        if (sensitive(key)) {
            g.writeString(REDACTED);
        } else if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            g.writeNumber(n.toString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, String.valueOf(e.getKey()), e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> it) {
            g.writeStartArray();
            for (Object o : it) {
                value(g, key, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    static boolean sensitive(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return SENSITIVE.stream().anyMatch(k::contains);
    }

    static String level(Level l) {
        int v = l.intValue();
        return v >= Level.SEVERE.intValue() ? "ERROR" : v >= Level.WARNING.intValue() ? "WARN"
                : v >= Level.INFO.intValue() ? "INFO" : v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }
}
