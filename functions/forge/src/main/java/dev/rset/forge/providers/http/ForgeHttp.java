package dev.rset.forge.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Map;

/**
 * One poll's HTTP exchanges with one service, all inside the poll's time budget (the provider's
 * {@code reconcileTimeout}): each request gets what is left of it. Non-2xx answers become an
 * {@link HttpFailure} of the matching kind, rate limits with the time to retry; nothing is retried
 * here, so a limited forge is never hammered. Bodies over the size limit are refused unread.
 */
public final class ForgeHttp {
    /** Like the Flux Operator's git providers: 10 MiB per answer. */
    public static final int DEFAULT_MAX_BODY = 10 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Clock clock;
    private final String service;
    private final long deadlineNanos;

    /**
     * @param service how messages name the other side, e.g. {@code GitHub API}
     */
    public ForgeHttp(HttpClient client, Clock clock, String service, Duration budget) {
        this.client = client;
        this.clock = clock;
        this.service = service;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    public Clock clock() {
        return clock;
    }

    public Response get(URI uri, Map<String, String> headers) throws HttpFailure {
        return send("GET", uri, headers, HttpRequest.BodyPublishers.noBody(), DEFAULT_MAX_BODY);
    }

    public JsonNode getJson(URI uri, Map<String, String> headers) throws HttpFailure {
        return json(get(uri, headers));
    }

    public JsonNode json(Response r) throws HttpFailure {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw HttpFailure.failed(service + " GET " + r.uri() + ": the answer is not JSON");
        }
    }

    /** Sends a JSON body ({@code POST}, {@code PATCH}, {@code PUT}); the answer must be 2xx, its body JSON or empty. */
    public JsonNode sendJson(String method, URI uri, Map<String, String> headers, Object body) throws HttpFailure {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put("Content-Type", "application/json");
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw HttpFailure.failed(service + " " + method + " " + uri + ": the request body is not JSON");
        }
        Response r = send(method, uri, h, HttpRequest.BodyPublishers.ofByteArray(bytes), DEFAULT_MAX_BODY);
        return r.body().length == 0 ? JSON.nullNode() : json(r);
    }

    /** Sends one request; the answer must be 2xx. */
    public Response send(String method, URI uri, Map<String, String> headers, HttpRequest.BodyPublisher body,
            int maxBody) throws HttpFailure {
        String what = service + " " + method + " " + uri;
        Duration left = Duration.ofNanos(deadlineNanos - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            throw new HttpFailure(HttpFailure.Kind.TIMEOUT, 0, null, what + ": the reconcile timeout ran out");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(left).method(method, body);
        headers.forEach(b::header);
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(b.build(), LimitedBody.handler(maxBody));
        HttpResponse<byte[]> r;
        try {
            // The request timeout covers the headers only; this bounds reading the body as well.
            r = call.get(left.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new HttpFailure(HttpFailure.Kind.TIMEOUT, 0, null, what + ": no answer within the reconcile timeout");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new HttpFailure(HttpFailure.Kind.TIMEOUT, 0, null, what + ": no answer within the reconcile timeout");
            }
            if (cause instanceof LimitedBody.TooLarge) {
                throw HttpFailure.failed(what + ": the answer is larger than " + maxBody + " bytes");
            }
            throw HttpFailure.failed(what + ": " + describe(cause));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new HttpFailure(HttpFailure.Kind.TIMEOUT, 0, null, what + ": interrupted");
        }
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
            return new Response(uri, status, r.headers(), r.body());
        }
        String answered = what + " answered " + status;
        if (RateLimits.isRateLimited(status, r.headers())) {
            java.time.Instant at = RateLimits.retryAt(r.headers(), clock.instant());
            throw new HttpFailure(HttpFailure.Kind.RATE_LIMITED, status, at, answered + ": rate limited until " + at);
        }
        HttpFailure.Kind kind = switch (status) {
            case 401 -> HttpFailure.Kind.UNAUTHORIZED;
            case 403 -> HttpFailure.Kind.FORBIDDEN;
            case 404 -> HttpFailure.Kind.NOT_FOUND;
            default -> status >= 500 ? HttpFailure.Kind.SERVER_ERROR : HttpFailure.Kind.FAILED;
        };
        String hint = switch (kind) {
            case UNAUTHORIZED -> ": the credentials were refused";
            case FORBIDDEN -> ": the credentials lack access";
            case NOT_FOUND -> ": not found (or not visible to these credentials)";
            default -> "";
        };
        HttpFailure f = new HttpFailure(kind, status, null, answered + hint);
        f.challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
        throw f;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : " " + m);
    }

    /** {@code Accept: accept}, and {@code Authorization} unless {@code authorization} is empty (anonymous). */
    public static Map<String, String> jsonHeaders(String accept, String authorization) {
        return authorization.isEmpty() ? Map.of("Accept", accept) : Map.of("Accept", accept, "Authorization", authorization);
    }
}
