package dev.rset.cli.dev;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.rset.core.schedule.ReconcileTiming;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ProviderId;
import dev.rset.store.ScheduleState;
import dev.rset.store.testing.SettableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The scheduler inside {@code rset dev}: an ExternalService provider (WireMock) polled by the
 * ticks, with no webhook anywhere, and its answer carried through the bus and the reconciler to
 * the directory cluster.
 */
class DevSchedulerTest {
    private static final ObjectKey PROVIDER = new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "apps", "settings");

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path state;

    private void answer(String color) {
        service.stubFor(WireMock.get("/inputs").willReturn(okJson(
                "{\"inputs\": [{\"id\": \"web\", \"color\": \"" + color + "\"}]}")));
    }

    private DevControlPlane start(Clock clock) throws Exception {
        DevControlPlane plane = DevControlPlane.start(state, 0,
                Map.of(DefaultCluster.NAME, DefaultCluster.directory(state)), Map.of(), clock,
                (request, outcome) -> { });
        DefaultCluster.registerDirectory(plane, state);
        apply(plane, """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSetInputProvider
                metadata:
                  name: settings
                  namespace: apps
                spec:
                  type: ExternalService
                  url: %s/inputs
                  insecure: true
                """.formatted(service.baseUrl()));
        apply(plane, """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata:
                  name: web
                  namespace: apps
                spec:
                  inputsFrom:
                    - kind: ResourceSetInputProvider
                      name: settings
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: web-settings
                        namespace: apps
                      data:
                        color: << inputs.color | quote >>
                """);
        settle(plane);
        return plane;
    }

    private static void apply(DevControlPlane plane, String yaml) {
        HttpResponse<String> r = DefaultCluster.post(plane.endpoint().resolve("/v1/apply"), yaml);
        assertEquals(200, r.statusCode(), r.body());
    }

    private static void settle(DevControlPlane plane) throws InterruptedException {
        assertTrue(plane.queue().awaitIdle(Duration.ofSeconds(60)), "the reconciler's runs ended");
    }

    private Path configMap() {
        return DefaultCluster.directory(state).resolve("apps/ConfigMap/web-settings.yaml");
    }

    private static List<Object> colors(DevControlPlane plane) {
        return plane.stores().inputs().list(new ProviderId("apps", "settings")).stream()
                .map(i -> i.values().get("color")).toList();
    }

    @Test
    void aProviderThatChangesItsAnswerChangesTheClusterOnTheTickAfterItsIntervalWithoutAWebhook() throws Exception {
        SettableClock clock = new SettableClock(Instant.now());
        answer("blue");
        try (DevControlPlane plane = start(clock)) {
            assertEquals(List.of(), colors(plane), "nothing polls a provider but the scheduler");
            assertFalse(Files.exists(configMap()));

            plane.schedule().tickNow();
            settle(plane);
            assertEquals(List.of("blue"), colors(plane));
            assertTrue(Files.readString(configMap(), StandardCharsets.UTF_8).contains("color: blue"),
                    Files.readString(configMap(), StandardCharsets.UTF_8));

            answer("green");
            plane.schedule().tickNow();
            settle(plane);
            assertEquals(List.of("blue"), colors(plane), "not polled again before its interval");
            service.verify(1, getRequestedFor(urlEqualTo("/inputs")));

            clock.advance(ReconcileTiming.PROVIDER_INTERVAL);
            plane.schedule().tickNow();
            settle(plane);
            service.verify(2, getRequestedFor(urlEqualTo("/inputs")));
            assertEquals(List.of("green"), colors(plane));
            String object = Files.readString(configMap(), StandardCharsets.UTF_8);
            assertTrue(object.contains("color: green") && !object.contains("blue"), object);
        }
    }

    @Test
    void theTimerTicksByItself() throws Exception {
        answer("blue");
        try (DevControlPlane plane = start(Clock.systemUTC())) {
            plane.schedule().every(Duration.ofMillis(50));
            assertTrue(plane.schedule().ticking());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(configMap()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(configMap()), "the provider was polled and its input reconciled");
            assertTrue(Files.readString(configMap(), StandardCharsets.UTF_8).contains("color: blue"));
        }
    }

    @Test
    void aTickThatFailsIsLoggedInOneLineAndTheNextTickRuns() throws Exception {
        answer("blue");
        Logger log = Logger.getLogger(LocalSchedule.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try (DevControlPlane plane = start(Clock.systemUTC())) {
            // The due index gone: every tick fails at its first read, as on a broken state database.
            List<String> tables = renameScheduleTables(plane, "", "away_");
            assertFalse(tables.isEmpty());
            plane.schedule().every(Duration.ofMillis(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(records.size() >= 2, "a failed tick does not stop the timer: " + records.size());
            String line = new SimpleFormatter().formatMessage(records.get(0));
            assertTrue(line.startsWith("scheduler tick failed, the next one runs as planned: IllegalStateException: ")
                    && !line.contains("\n"), line);

            renameScheduleTables(plane, "away_", "");
            while (!Files.exists(configMap()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(configMap()), "a later tick polled the provider");
            assertTrue(plane.schedule().ticking());
        } finally {
            log.removeHandler(capture);
        }
    }

    /** Renames the tables of the schedule store ({@code schedule…}) from {@code from…} to {@code to…}. */
    private static List<String> renameScheduleTables(DevControlPlane plane, String from, String to) {
        return plane.stores().database().write(c -> {
            List<String> names = new java.util.ArrayList<>();
            try (java.sql.Statement s = c.createStatement();
                    java.sql.ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name"
                            + " LIKE '" + from + "schedule%'")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            for (String name : names) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + name + " RENAME TO " + to + name.substring(from.length()));
                }
            }
            return names;
        });
    }

    @Test
    void aZeroIntervalLeavesTheSchedulerOff() throws Exception {
        DevCommand command = new DevCommand();
        new CommandLine(command).parseArgs("--tick-interval", "0");
        assertEquals(Duration.ZERO, command.tickInterval());
        answer("blue");
        try (DevControlPlane plane = start(Clock.systemUTC())) {
            plane.schedule().every(command.tickInterval());
            assertFalse(plane.schedule().ticking());
            ScheduleState provider = plane.stores().schedules().get(PROVIDER).orElseThrow();
            assertTrue(provider.isDue(Instant.now()), "the provider stays due: " + provider);
            assertEquals(List.of(), colors(plane));
            service.verify(0, getRequestedFor(urlEqualTo("/inputs")));
        }
    }

    @Test
    void theIntervalIsAGoDurationAndNeverNegative() {
        assertEquals(Duration.ofSeconds(10), parse().tickInterval(), "the default");
        assertEquals(Duration.ofSeconds(90), parse("--tick-interval", "1m30s").tickInterval());
        for (String bad : List.of("-5s", "soon", "10")) {
            CommandLine.ParameterException e = org.junit.jupiter.api.Assertions.assertThrows(
                    CommandLine.ParameterException.class, () -> parse("--tick-interval", bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    private static DevCommand parse(String... args) {
        DevCommand command = new DevCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
