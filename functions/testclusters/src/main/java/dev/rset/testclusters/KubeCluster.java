package dev.rset.testclusters;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One test cluster: a real kube-apiserver on {@code https://127.0.0.1:PORT} with a
 * kube-controller-manager, sharing etcd with the other test clusters under its own prefix. Its
 * port, CA, token and data stay the same across {@link #stop()} and {@link #start()}.
 */
public final class KubeCluster {
    private final String name;
    private final URI server;
    private final String caPem;
    private final String adminToken;
    private final String kubeconfig;
    private final TestClusters owner;

    private KubeCluster(String name, URI server, String caPem, String adminToken, String kubeconfig,
                        TestClusters owner) {
        this.name = name;
        this.server = server;
        this.caPem = caPem;
        this.adminToken = adminToken;
        this.kubeconfig = kubeconfig;
        this.owner = owner;
    }

    /** Reads what start.sh wrote for cluster {@code name} under the state directory. */
    static KubeCluster read(Path stateDir, String name, TestClusters owner) {
        Path dir = stateDir.resolve(name);
        return new KubeCluster(name, URI.create(read(dir.resolve("server"))), read(dir.resolve("ca.crt")),
                read(dir.resolve("admin.token")), read(dir.resolve("kubeconfig")), owner);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("start.sh did not write " + file, e);
        }
    }

    public String name() {
        return name;
    }

    /** {@code https://127.0.0.1:PORT}, served with a certificate for 127.0.0.1 and localhost. */
    public URI server() {
        return server;
    }

    /** The PEM of the CA that signed the server's certificate. */
    public String caPem() {
        return caPem;
    }

    /** A bearer token of a user in {@code system:masters}. */
    public String adminToken() {
        return adminToken;
    }

    /** A self-contained kubeconfig (server, CA data and token inline, no file paths). */
    public String kubeconfig() {
        return kubeconfig;
    }

    /** An SSL context that trusts this cluster's CA only, e.g. for the JDK's HttpClient. */
    public SSLContext sslContext() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("rset-testclusters-ca", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the CA of test cluster " + name, e);
        }
    }

    /** Stops this cluster's kube-apiserver and kube-controller-manager; connections are then refused. */
    public void stop() {
        owner.stop(name);
    }

    /** Starts whatever is stopped again, with the same port and data, and waits until it is ready. */
    public void start() {
        owner.startMissing();
    }

    @Override
    public String toString() {
        return "KubeCluster[" + name + " " + server + "]";
    }
}
