package dev.rset.ops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.ops.Telemetry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON log lines and EMF lines the functions write, as {@link Telemetry#forLambda} sets them up,
 * captured for a test; closing puts the JVM's logging back as it was.
 */
public final class CapturedTelemetry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Handler[] handlers;
    private final Level level;

    public CapturedTelemetry() {
        Logger root = Logger.getLogger("");
        handlers = root.getHandlers();
        level = root.getLevel();
        Telemetry.json(new PrintStream(bytes, true, StandardCharsets.UTF_8), Level.INFO);
    }

    public String raw() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Every line, parsed: each must be one JSON object. */
    public List<JsonNode> lines() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : raw().split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + line, e);
                }
            }
        }
        return out;
    }

    /** The log lines of one kind of event ({@code event} field). */
    public List<JsonNode> events(String event) {
        return lines().stream().filter(l -> event.equals(l.path("event").asText())).toList();
    }

    /** The EMF lines. */
    public List<JsonNode> metrics() {
        return lines().stream().filter(l -> l.has("_aws")).toList();
    }

    @Override
    public void close() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        for (Handler h : handlers) {
            root.addHandler(h);
        }
        root.setLevel(level);
        Telemetry.metricsTo(line -> { });
    }
}
