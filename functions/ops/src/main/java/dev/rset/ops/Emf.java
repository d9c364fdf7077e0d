package dev.rset.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Embedded Metric Format documents: a JSON object whose {@code _aws} member holds the
 * {@code Timestamp} (epoch milliseconds) and one metric directive ({@code Namespace}, the dimension
 * set {@code [["Function"]]}, each metric's {@code Name} and {@code Unit}); the root holds the
 * dimension's value, each metric's value (a number, or an array of at most 100), and the request
 * id as a plain property, which Logs Insights can query but which is no dimension. CloudWatch Logs
 * extracts the metrics from such a line wherever the function writes it to its log.
 */
final class Emf {
    static final int MAX_VALUES = 100;
    private static final JsonFactory JSON = new JsonFactory();

    private Emf() {
    }

    /** One document, or more when a metric has more than {@value #MAX_VALUES} values. */
    static List<String> documents(String namespace, String function, String requestId,
            Map<String, MetricSet.Values> metrics, long timestampMillis) {
        List<String> out = new ArrayList<>();
        for (int from = 0; ; from += MAX_VALUES) {
            int start = from;
            var slice = new java.util.LinkedHashMap<String, MetricSet.Values>();
            metrics.forEach((name, v) -> {
                if (v.values().size() > start) {
                    slice.put(name, new MetricSet.Values(v.unit(), v.values().subList(start,
                            Math.min(v.values().size(), start + MAX_VALUES))));
                }
            });
            if (slice.isEmpty()) {
                return out;
            }
            out.add(document(namespace, function, requestId, slice, timestampMillis));
        }
    }

    private static String document(String namespace, String function, String requestId,
            Map<String, MetricSet.Values> metrics, long timestampMillis) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", timestampMillis);
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", namespace);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            g.writeString("Function");
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            for (var e : metrics.entrySet()) {
                g.writeStartObject();
                g.writeStringField("Name", e.getKey());
                g.writeStringField("Unit", e.getValue().unit().name());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("Function", function);
            g.writeStringField("requestId", requestId);
            for (var e : metrics.entrySet()) {
                List<Double> values = e.getValue().values();
                if (values.size() == 1) {
                    number(g, e.getKey(), values.get(0));
                } else {
                    g.writeArrayFieldStart(e.getKey());
                    for (double v : values) {
                        number(g, null, v);
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void number(JsonGenerator g, String field, double v) throws IOException {
        if (field != null) {
            g.writeFieldName(field);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(v);
        }
    }
}
