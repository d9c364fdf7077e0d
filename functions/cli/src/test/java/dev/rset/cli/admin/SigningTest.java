package dev.rset.cli.admin;

import dev.rset.cli.RsetCommand;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests carry a SigV4 signature for execute-api that a verifier recomputes from what it
 * received (method, URL, body, date) with the same secret; --no-sign sends none.
 */
class SigningTest {
    static final String KEY = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    HttpServer server;
    final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        System.setProperty("aws.accessKeyId", KEY);
        System.setProperty("aws.secretAccessKey", SECRET);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            seen.clear();
            ex.getRequestHeaders().forEach((k, v) -> seen.put(k.toLowerCase(), v.get(0)));
            seen.put(":method", ex.getRequestMethod());
            seen.put(":uri", ex.getRequestURI().toString());
            seen.put(":body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] out = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void signedRequestsVerifyWithTheSameSecret() {
        int exit = RsetCommand.commandLine().execute("get", "rset", "-n", "apps",
                "-l", "team=web", "--server", endpoint(), "--region", "eu-west-1");
        assertEquals(0, exit);
        String auth = seen.get("authorization");
        String date = seen.get("x-amz-date");
        assertTrue(auth.startsWith("AWS4-HMAC-SHA256 Credential=" + KEY + "/" + date.substring(0, 8)
                + "/eu-west-1/execute-api/aws4_request"), auth);

        Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(date, Instant::from);
        SdkHttpRequest received = SdkHttpRequest.builder().uri(URI.create(endpoint() + seen.get(":uri")))
                .method(SdkHttpMethod.fromValue(seen.get(":method"))).build();
        String expected = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(KEY, SECRET)).request(received)
                .payload(ContentStreamProvider.fromUtf8String(seen.get(":body")))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElseThrow();
        assertEquals(expected, auth);

        String wrongSecret = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(KEY, "other")).request(received)
                .payload(ContentStreamProvider.fromUtf8String(seen.get(":body")))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElseThrow();
        assertTrue(!wrongSecret.equals(auth));
    }

    @Test
    void regionComesFromTheExecuteApiHostAndUnsignedModeSendsNoSignature() {
        assertEquals(List.of("AWS4-HMAC-SHA256"), Signing.forEndpoint(
                "https://abc123.execute-api.ap-southeast-2.amazonaws.com", null)
                .sign("GET", URI.create("https://abc123.execute-api.ap-southeast-2.amazonaws.com/v1/clusters"), "")
                .get("Authorization").stream().map(a -> a.split(" ")[0]).toList());
        assertEquals(0, RsetCommand.commandLine().execute("get", "clusters",
                "--server", endpoint(), "--no-sign"));
        assertNull(seen.get("authorization"));
    }
}
