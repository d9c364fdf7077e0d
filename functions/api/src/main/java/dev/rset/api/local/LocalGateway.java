package dev.rset.api.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * API Gateway on a loopback port, for {@code rset dev} and tests: each request is turned into the
 * payload 2.0 event API Gateway would send and given to the Lambda handler of its route, as the
 * stack's routes do ({@code /v1/…} to the API, {@code POST /hook/{digest}} to the webhook),
 * without API Gateway's IAM auth (so: loopback only).
 */
public final class LocalGateway implements AutoCloseable {
    /** Requests whose path starts with {@code prefix} go to {@code handler} as API Gateway's route {@code routeKey}. */
    public record Route(String prefix, String routeKey,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    }

    private final HttpServer server;

    private LocalGateway(HttpServer server) {
        this.server = server;
    }

    /** The management API alone on {@code port} (0: any free port). */
    public static LocalGateway start(ApiHandler handler, int port) throws IOException {
        return start(port, List.of(new Route("/v1/", "ANY /v1/{proxy+}", handler)));
    }

    /**
     * Starts on {@code port} (0: any free port) of the loopback address, each request going to the
     * route of its path; other paths answer 404 as API Gateway does. Throws {@link java.net.BindException}
     * when the port is taken.
     */
    public static LocalGateway start(int port, List<Route> routes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        for (Route route : routes) {
            server.createContext(route.prefix(), exchange -> handle(route, exchange));
        }
        server.createContext("/", LocalGateway::notFound);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "rset-gateway");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return new LocalGateway(server);
    }

    private static void notFound(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] out = "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(404, out.length);
            ex.getResponseBody().write(out);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void handle(Route route, HttpExchange ex) throws IOException {
        try (ex) {
            APIGatewayV2HTTPResponse r = route.handler().handleRequest(toEvent(ex, route.routeKey()), null);
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
    static APIGatewayV2HTTPEvent toEvent(HttpExchange ex, String routeKey) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String rawQuery = ex.getRequestURI().getRawQuery();
        Map<String, String> query = query(rawQuery);
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setVersion("2.0");
        e.setRouteKey(routeKey);
        e.setRawPath(ex.getRequestURI().getRawPath());
        e.setRawQueryString(rawQuery == null ? "" : rawQuery);
        e.setHeaders(headers);
        e.setQueryStringParameters(query.isEmpty() ? null : query);
        e.setBody(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        e.setIsBase64Encoded(false);
        e.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
                .withRouteKey(e.getRouteKey()).withTimeEpoch(System.currentTimeMillis())
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
