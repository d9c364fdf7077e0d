package dev.rset.cli.dev;

import dev.rset.cli.UserError;
import dev.rset.reconciler.PairReconciler.Outcome;
import dev.rset.reconciler.PairRequest;
import dev.rset.store.ClusterStatus;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import dev.rset.core.api.GoDurations;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rset dev}: the whole control plane on this machine, until Ctrl-C. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Run the whole control plane on this machine: the management API and the forge webhooks on "
                + "127.0.0.1 (the routes API Gateway has), the dispatcher and reconciler behind an in-process bus, the "
                + "scheduler on a timer, state kept under --state-dir.",
            "Without a kubeconfig the cluster 'default' is a directory: each object a YAML file under "
                + "<state-dir>/clusters/default/."},
        footer = {"", "Examples:", "  rset dev --demo", "  rset dev --kubeconfig ~/.kube/config --port 9090",
            "  rset get rset -A --no-sign --server http://127.0.0.1:9090"})
public final class DevCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--state-dir", defaultValue = ".rset", paramLabel = "DIR",
            description = "State kept across restarts (default: ${DEFAULT-VALUE} here).")
    private Path stateDir;

    @Option(names = "--port", defaultValue = "9090", paramLabel = "N",
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The cluster 'default' (default: $KUBECONFIG; without one, a local directory).")
    private Path kubeconfig;

    @Option(names = "--demo", description = "Load examples/preview-environments and replay signed pull-request deliveries.")
    private boolean demo;

    @Option(names = "--tick-interval", defaultValue = "10s", paramLabel = "DURATION",
            converter = TickInterval.class,
            description = "How often the scheduler ticks: polls due providers, asks due ResourceSets to reconcile "
                    + "(Go duration, e.g. 10s, 1m; 0 turns the scheduler off; default: ${DEFAULT-VALUE}).")
    private Duration tickInterval;

    /** A Go duration ({@code 10s}, {@code 1m30s}, {@code 0}), never negative. */
    static final class TickInterval implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d;
            try {
                d = GoDurations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a duration (e.g. 10s, 1m, 0)");
            }
            if (d.isNegative()) {
                throw new TypeConversionException("'" + value + "' is negative: use 0 to turn the scheduler off");
            }
            return d;
        }
    }

    Duration tickInterval() {
        return tickInterval;
    }

    @Option(names = {"-v", "--verbose"}, description = "Log what each function does, not only warnings.")
    private boolean verbose;

    /** How the functions' log lines look. */
    enum LogFormat { text, json }

    @Option(names = "--log-format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default) or json: the JSON lines and EMF metric lines the Lambda functions write, on stderr.")
    private LogFormat logFormat;

    @Override
    public Integer call() throws Exception {
        logging(verbose, logFormat);
        Console console = new Console(spec.commandLine().getOut());
        Path state = stateDir.toAbsolutePath().normalize();
        Files.createDirectories(state);
        Path kube = kubeconfig != null ? kubeconfig
                : System.getenv("KUBECONFIG") == null || System.getenv("KUBECONFIG").isBlank() ? null
                        : Path.of(System.getenv("KUBECONFIG").split(java.io.File.pathSeparator)[0]);
        Map<String, Path> directories = kube == null ? Map.of(DefaultCluster.NAME, DefaultCluster.directory(state))
                : Map.of();

        AtomicReference<DevControlPlane> started = new AtomicReference<>();
        DevControlPlane plane;
        try {
            plane = DevControlPlane.start(state, port, directories, System.getenv(),
                    (request, outcome) -> report(console, started.get(), request, outcome));
        } catch (BindException e) {
            throw new UserError("127.0.0.1:" + port + " is in use: stop what listens there or choose another --port");
        }
        started.set(plane);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                plane.close();
                console.last("rset dev: stopped");
            } catch (RuntimeException e) {
                console.last("rset dev: stopped, but closing failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "rset-dev-stop"));

        String cluster = kube == null ? DefaultCluster.registerDirectory(plane, state)
                : DefaultCluster.registerKubeconfig(plane, kube);
        console.line("rset dev: control plane on " + plane.endpoint() + " (state in " + state + ")");
        console.line("  management API  " + plane.endpoint() + "/v1/   e.g. rset get rset -A --no-sign --server "
                + plane.endpoint());
        console.line("  cluster default " + cluster);
        if (demo) {
            new Demo(plane, console).run();
        }
        // After the demo's replay, so that its account stays the same on every run.
        plane.schedule().every(tickInterval);
        console.line(tickInterval.isZero() ? "rset dev: scheduler off (--tick-interval 0): providers are not polled"
                : "rset dev: scheduler ticks every " + GoDurations.format(tickInterval));
        console.line("rset dev: serving; Ctrl-C stops");
        stopped.await();
        return 0;
    }

    /** How long a warning that repeats word for word stays unprinted (see {@link RepeatedWarnings}). */
    static final Duration REPEATS_QUIET = Duration.ofHours(1);

    /** The functions log through java.util.logging: one line each, warnings only unless asked. */
    private static void logging(boolean verbose, LogFormat format) {
        if (format == LogFormat.json) {
            dev.rset.ops.Telemetry.json(System.err, verbose ? Level.INFO : Level.WARNING);
            return;
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        Logger root = Logger.getLogger("");
        Level level = verbose ? Level.INFO : Level.WARNING;
        root.setLevel(level);
        for (Handler h : root.getHandlers()) {
            h.setLevel(level);
            if (!verbose) {
                h.setFilter(new RepeatedWarnings(REPEATS_QUIET, new SimpleFormatter()));
            }
        }
    }

    /**
     * One line per run, saying what asked for it, then what it changed on the cluster
     * ({@code + Namespace/preview-42 created}).
     */
    private static void report(Console console, DevControlPlane plane, PairRequest request, Outcome outcome) {
        StringBuilder sb = new StringBuilder("reconciled ResourceSet " + request.namespace() + "/"
                + request.resourceSet() + (request.cluster().isEmpty() ? "" : " on " + request.cluster())
                + (request.cause().isBlank() ? "" : " (" + asked(request.cause()) + ")") + ": "
                + outcome.reason() + (outcome.message().isEmpty() ? "" : " (" + outcome.message() + ")"));
        if (plane != null && !request.cluster().isEmpty()) {
            ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, request.namespace(), request.resourceSet());
            for (ClusterStatus s : plane.stores().statuses().clusters(key)) {
                if (s.cluster().equals(request.cluster())) {
                    s.changes().stream().filter(c -> !c.endsWith(" unchanged"))
                            .forEach(c -> sb.append("\n  ").append(sign(c)).append(' ').append(c));
                }
            }
        }
        console.line(sb.toString());
    }

    /**
     * What asked for a run, from the request's cause ({@code InputsChanged <id>},
     * {@code ReconcileRequested <id> by scheduler}, several joined by {@code ; } when coalesced):
     * the events without their ids.
     */
    static String asked(String cause) {
        java.util.Set<String> events = new java.util.LinkedHashSet<>();
        for (String one : cause.split("; ")) {
            String[] words = one.strip().split(" ", 3);
            String by = words.length == 3 && words[2].startsWith("by ") ? " " + words[2] : "";
            events.add(words[0] + by);
        }
        return String.join(", ", events);
    }

    private static char sign(String change) {
        return change.endsWith(" created") ? '+' : change.endsWith(" deleted") ? '-' : '~';
    }
}
