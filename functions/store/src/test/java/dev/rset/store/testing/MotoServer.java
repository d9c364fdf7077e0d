package dev.rset.store.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Starts one {@code moto_server} process on a free loopback port for the whole test run and
 * stops it at the end. moto emulates DynamoDB (conditions, transactions, indexes, TTL settings)
 * and Secrets Manager over the real AWS wire protocols, so the adapters are tested through the
 * real SDK. Inject {@link MotoServer} as a test parameter to get its endpoint.
 */
public final class MotoServer implements BeforeAllCallback, ParameterResolver,
        ExtensionContext.Store.CloseableResource, AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The extension instance JUnit creates; the running server is kept in the root store. */
    public MotoServer() {
        this.process = null;
        this.endpoint = null;
    }

    /**
     * A server for test engines that have no JUnit Jupiter extensions (jqwik properties): one per
     * JVM, started on first use and stopped when the JVM exits.
     */
    public static MotoServer shared() {
        return Shared.SERVER;
    }

    private static final class Shared {
        static final MotoServer SERVER = start();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> SERVER.process.destroy()));
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return running(c);
    }

    private static MotoServer running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(MotoServer.class, k -> start(), MotoServer.class);
    }

    /** A server of its own for code outside JUnit (benchmark harnesses); the caller closes it. */
    public static MotoServer launch() {
        return start();
    }

    private static MotoServer start() {
        int port = freePort();
        try {
            File log = File.createTempFile("moto-server", ".log");
            log.deleteOnExit();
            Process p = new ProcessBuilder(executable(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log).start();
            Instant deadline = Instant.now().plus(STARTUP);
            while (Instant.now().isBefore(deadline)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("moto_server exited with " + p.exitValue() + "; see " + log);
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return new MotoServer(p, URI.create("http://127.0.0.1:" + port));
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            p.destroy();
            throw new IllegalStateException("moto_server did not listen on port " + port + " within " + STARTUP);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto_server (install it with scripts/tools.sh)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code .venv/bin/moto_server} of the project (scripts/tools.sh installs it there), found from
     * the working directory upwards (Maven runs tests in the module's directory); else PATH's.
     */
    static String executable() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path venv = dir.resolve(".venv/bin/moto_server");
            if (Files.isExecutable(venv)) {
                return venv.toString();
            }
        }
        return "moto_server";
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
