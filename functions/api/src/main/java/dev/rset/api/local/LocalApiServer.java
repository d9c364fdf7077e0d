package dev.rset.api.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.api.ApiHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The API over plain HTTP on a loopback port, for {@code rset dev} and tests: each request is
 * turned into the API Gateway payload 2.0 event API Gateway would send and given to the Lambda
 * {@link ApiHandler}, without API Gateway's IAM auth (so: loopback only).
 */
public final class LocalApiServer implements AutoCloseable {
    private final HttpServer server;

    private LocalApiServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on {@code port} (0: any free port) of the loopback address. */
    public static LocalApiServer start(ApiHandler handler, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> handle(handler, exchange));
        server.start();
        return new LocalApiServer(server);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void handle(ApiHandler handler, HttpExchange ex) throws IOException {
        try (ex) {
            APIGatewayV2HTTPResponse r = handler.handleRequest(toEvent(ex), null);
            byte[] out = r.getBody() == null ? new byte[0] : r.getBody().getBytes(StandardCharsets.UTF_8);
            if (r.getHeaders() != null) {
                r.getHeaders().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            }
            ex.sendResponseHeaders(r.getStatusCode(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    /** The payload 2.0 event API Gateway would build: lower-case headers, decoded query, raw path. */
    static APIGatewayV2HTTPEvent toEvent(HttpExchange ex) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String rawQuery = ex.getRequestURI().getRawQuery();
        Map<String, String> query = query(rawQuery);
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setVersion("2.0");
        e.setRouteKey("ANY /v1/{proxy+}");
        e.setRawPath(ex.getRequestURI().getRawPath());
        e.setRawQueryString(rawQuery == null ? "" : rawQuery);
        e.setHeaders(headers);
        e.setQueryStringParameters(query.isEmpty() ? null : query);
        e.setBody(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        e.setIsBase64Encoded(false);
        e.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
                .withRouteKey("ANY /v1/{proxy+}").withTimeEpoch(System.currentTimeMillis())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(ex.getRequestMethod())
                        .withPath(ex.getRequestURI().getRawPath()).withProtocol("HTTP/1.1")
                        .withSourceIp(ex.getRemoteAddress().getAddress().getHostAddress()).build())
                .build());
        return e;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
