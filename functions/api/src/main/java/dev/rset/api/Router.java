package dev.rset.api;

import dev.rset.api.http.ApiException;
import dev.rset.api.http.Codec;
import dev.rset.api.http.HttpRequest;
import dev.rset.api.http.HttpResponse;
import dev.rset.api.http.Statuses;
import dev.rset.api.resources.ControlPlane;
import dev.rset.core.yaml.Manifest;
import dev.rset.core.yaml.YamlWarning;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Maps {@code /v1/...} paths to {@link ControlPlane} operations, Kubernetes style:
 * <pre>
 * POST   /v1/apply                                          apply (YAML or JSON, many documents)
 * GET    /v1/{plural}[?namespace=&amp;labelSelector=]            list (all namespaces, or one)
 * GET    /v1/namespaces/{ns}/{plural}[?labelSelector=]       list in a namespace
 * GET    /v1/namespaces/{ns}/{plural}/{name}                 get
 * DELETE /v1/namespaces/{ns}/{plural}/{name}[?resourceVersion=]  delete
 * GET    /v1/namespaces/{ns}/{plural}/{name}/status          status
 * POST   /v1/namespaces/{ns}/{plural}/{name}/reconcile[?force=true]
 * POST   /v1/namespaces/{ns}/{plural}/{name}/suspend|resume
 * GET|DELETE /v1/clusters/{name}, GET /v1/clusters/{name}/status   (cluster-scoped kinds)
 * POST   /v1/clusters/{name}/check                          connect now, record the Ready condition
 * </pre>
 */
public final class Router {
    private final ControlPlane plane;

    public Router(ControlPlane plane) {
        this.plane = plane;
    }

    public HttpResponse handle(HttpRequest request) {
        boolean yaml = request.wantsYaml();
        try {
            return Codec.respond(200, route(request), yaml);
        } catch (ApiException e) {
            return Codec.respond(e.code(), Statuses.failure(e), yaml);
        } catch (RuntimeException e) {
            // Log the cause for operators, never the request body (it may hold a kubeconfig).
            String id = UUID.randomUUID().toString();
            System.err.println("rset-api: internal error " + id + " on " + request.method() + " " + request.path()
                    + ": " + e + " at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?"));
            return Codec.respond(500, Statuses.failure(new ApiException(500, "InternalError",
                    "internal error, reference " + id)), yaml);
        } catch (VirtualMachineError e) {
            // Out of memory or stack: the request's allocations are gone once unwound; answer
            // instead of letting the runtime report an uncaught throw. Out of memory may pass.
            String id = UUID.randomUUID().toString();
            System.err.println("rset-api: " + e.getClass().getSimpleName() + " " + id + " on " + request.method()
                    + " " + request.path());
            int status = e instanceof OutOfMemoryError ? 503 : 500;
            return Codec.respond(status, Statuses.failure(new ApiException(status,
                    status == 503 ? "ServiceUnavailable" : "InternalError",
                    (status == 503 ? "out of memory, retry later" : "internal error") + ", reference " + id)), yaml);
        }
    }

    private Object route(HttpRequest r) {
        List<String> s = segments(r.path());
        String m = r.method();
        if (s.equals(List.of("apply"))) {
            requireMethod(m, "POST");
            Manifest body = Codec.readDocuments(r.body(), r.header("Content-Type").orElse(""));
            return plane.apply(body.documents(), body.warnings().stream().map(YamlWarning::toString).toList());
        }
        if (s.size() >= 3 && s.get(0).equals("namespaces")) {
            Kind kind = kind(s.get(2));
            if (!kind.namespaced()) {
                throw ApiException.notFound(kind.kind() + " is cluster-scoped: use /v1/" + kind.plural());
            }
            if (s.size() == 3) {
                requireMethod(m, "GET");
                return plane.list(kind, s.get(1), r.param("labelSelector").orElse(null));
            }
            return object(r, new ObjectKey(kind, s.get(1), s.get(3)), s.subList(4, s.size()));
        }
        if (s.size() >= 1) {
            Kind kind = kind(s.get(0));
            if (s.size() == 1) {
                requireMethod(m, "GET");
                return plane.list(kind, kind.namespaced() ? r.param("namespace").orElse("") : "",
                        r.param("labelSelector").orElse(null));
            }
            if (kind.namespaced()) {
                throw ApiException.notFound(kind.kind() + " is namespaced: use /v1/namespaces/{namespace}/"
                        + kind.plural() + "/" + s.get(1));
            }
            return object(r, new ObjectKey(kind, "", s.get(1)), s.subList(2, s.size()));
        }
        throw ApiException.notFound("no such path: " + r.path());
    }

    private Object object(HttpRequest r, ObjectKey key, List<String> rest) {
        String m = r.method();
        if (rest.isEmpty()) {
            return switch (m) {
                case "GET" -> plane.get(key);
                case "DELETE" -> plane.delete(key, resourceVersion(r));
                default -> throw notAllowed(m);
            };
        }
        if (rest.size() == 1) {
            switch (rest.get(0)) {
                case "status" -> {
                    requireMethod(m, "GET");
                    return plane.status(key);
                }
                case "reconcile" -> {
                    requireMethod(m, "POST");
                    return plane.reconcile(key, r.param("force").map(Boolean::parseBoolean).orElse(false));
                }
                case "suspend" -> {
                    requireMethod(m, "POST");
                    return plane.suspend(key);
                }
                case "resume" -> {
                    requireMethod(m, "POST");
                    return plane.resume(key);
                }
                case "check" -> {
                    requireMethod(m, "POST");
                    return plane.check(key);
                }
                default -> {
                }
            }
        }
        throw ApiException.notFound("no such path: " + r.path());
    }

    /** The segments after {@code /v1}, whatever prefix (a stage name) comes before it. */
    static List<String> segments(String path) {
        List<String> parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty())
                .map(p -> java.net.URLDecoder.decode(p, java.nio.charset.StandardCharsets.UTF_8)).toList();
        int v1 = parts.indexOf("v1");
        if (v1 < 0) {
            throw ApiException.notFound("no such path: " + path + " (the API lives under /v1/)");
        }
        return parts.subList(v1 + 1, parts.size());
    }

    private static Kind kind(String name) {
        return Kind.byName(name).orElseThrow(() -> ApiException.notFound("unknown resource type \"" + name
                + "\", must be one of resourcesets, resourcesetinputproviders, receivers, clusters"));
    }

    private static OptionalLong resourceVersion(HttpRequest r) {
        return r.param("resourceVersion").map(v -> {
            try {
                return OptionalLong.of(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw ApiException.invalid("resourceVersion: \"" + v + "\" is not a number");
            }
        }).orElse(OptionalLong.empty());
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw notAllowed(method);
        }
    }

    private static ApiException notAllowed(String method) {
        return new ApiException(405, "MethodNotAllowed", "the method " + method + " is not allowed on this path");
    }

}
