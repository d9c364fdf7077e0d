import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * What every function's cold-start run shares: the Lambda {@link Context} the runtime would pass,
 * and the line the script reads: milliseconds from the process start (as the OS recorded it) to
 * the handler's answer, and the CPU time of all the JVM's threads so far (steadier than the wall
 * time on a loaded machine).
 */
final class Start {
    /** The ResourceSet placed on the registered cluster "bench" (label env=bench). */
    static final String PLACED = "placed";

    private Start() {
    }

    /** A ResourceSet with inline inputs, placed on the clusters labelled env=bench. */
    static String resourceSet(String name, String namespace) {
        return """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata:
                  name: %s
                  namespace: %s
                  annotations:
                    rset.dev/clusters: "env=bench"
                spec:
                  inputs:
                    - tenant: team-a
                      replicas: 2
                    - tenant: team-b
                      replicas: 1
                  resources:
                    - apiVersion: v1
                      kind: Namespace
                      metadata:
                        name: lambda-start-<< inputs.tenant >>
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: %s
                        namespace: lambda-start-<< inputs.tenant >>
                      data:
                        replicas: << inputs.replicas | quote >>
                        tenant: << inputs.tenant | upper | quote >>
                """.formatted(name, namespace, name);
    }

    /** When the handler was constructed (the runtime's init phase ends there; SnapStart snapshots after it). */
    private static long initMs = -1;

    static void report(String function, String answer) {
        System.out.println(function + " handled " + answer + " after_ms=" + sinceStart() + " cpu_ms="
                + ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis()
                + " init_ms=" + initMs);
    }

    /**
     * Milliseconds since the OS started this process: the system's uptime now less the process's
     * start in clock ticks after boot ({@code /proc/self/stat}, field 22; {@code CLK_TCK} from the
     * script, 100 on Linux), both counted from boot, so accurate to a tick. Not
     * {@code ProcessHandle.info().startInstant()}: the JDK adds those ticks to the boot time of
     * {@code /proc/stat}'s {@code btime}, which has whole seconds, so every figure it gives is off
     * by the same fraction of a second (0.63 s on this machine: a JVM that prints hello world in
     * 0.1 s by the shell's clock was 0.76 s old by it).
     */
    static long sinceStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name in parentheses (which may hold spaces) start at field 3.
            long startTicks = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            long ticksPerSecond = Long.parseLong(System.getenv().getOrDefault("CLK_TCK", "100"));
            return Math.round(uptimeSeconds * 1000) - startTicks * 1000 / ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the process start from /proc (Linux only): " + e, e);
        }
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    /** A context as the runtime gives one: a request id, the time left, a logger to stderr. */
    static Context context(String function) {
        long deadline = System.currentTimeMillis() + 30_000;
        String id = UUID.randomUUID().toString();
        return new Context() {
            public String getAwsRequestId() { return id; }
            public String getLogGroupName() { return "/aws/lambda/" + function; }
            public String getLogStreamName() { return "lambda-start"; }
            public String getFunctionName() { return function; }
            public String getFunctionVersion() { return "$LATEST"; }
            public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:" + function; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return (int) Math.max(0, deadline - System.currentTimeMillis()); }
            public int getMemoryLimitInMB() { return 1024; }
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    public void log(String message) { System.err.print(message); }
                    public void log(byte[] message) { System.err.print(new String(message, StandardCharsets.UTF_8)); }
                };
            }
        };
    }

    /** The handler as the runtime makes it: its class by name, the public no-argument constructor. */
    static <T> T handler(String className, Class<T> type) throws ReflectiveOperationException {
        T handler = type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        initMs = sinceStart();
        return handler;
    }
}
