package io.fabric8.kubernetes.client.jdkhttp;

/** Test access to the JDK client under a fabric8 client (package-private in fabric8). */
public final class JdkClients {
    private JdkClients() {
    }

    public static java.net.http.HttpClient of(io.fabric8.kubernetes.client.http.HttpClient client) {
        return ((JdkHttpClientImpl) client).getHttpClient();
    }
}
