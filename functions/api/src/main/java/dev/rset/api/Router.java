package dev.rset.api;

import dev.rset.api.http.ApiException;
import dev.rset.api.http.Codec;
import dev.rset.api.http.HttpRequest;
import dev.rset.api.http.HttpResponse;
import dev.rset.api.http.Statuses;
import dev.rset.api.resources.ApplyOptions;
import dev.rset.api.resources.ControlPlane;
import dev.rset.api.resources.FieldValidation;
import dev.rset.api.resources.Scope;
import dev.rset.core.yaml.Manifest;
import dev.rset.core.yaml.YamlWarning;
import dev.rset.ops.Fields;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Maps {@code /v1/...} paths to {@link ControlPlane} operations, Kubernetes style. Every object has
 * its own path, so that IAM policies on {@code execute-api:Invoke} can confine a caller to a
 * namespace ({@code /v1/namespaces/team-a/*}) or to Clusters ({@code /v1/clusters*}):
 * <pre>
 * POST   /v1/namespaces/{ns}/apply[?fieldValidation=]        apply namespaced objects of {ns} (YAML or JSON, many documents)
 * POST   /v1/clusters[?fieldValidation=]                     apply Clusters
 * POST   /v1/apply[?fieldValidation=]                        apply any objects (for callers allowed everything)
 * GET    /v1/{plural}[?namespace=&amp;labelSelector=&amp;limit=&amp;continue=]   list (all namespaces, or one)
 * GET    /v1/namespaces/{ns}/{plural}[?labelSelector=&amp;limit=&amp;continue=]  list in a namespace
 * GET    /v1/namespaces/{ns}/{plural}/{name}                 get
 * DELETE /v1/namespaces/{ns}/{plural}/{name}[?resourceVersion=]  delete
 * GET    /v1/namespaces/{ns}/{plural}/{name}/status          status
 * POST   /v1/namespaces/{ns}/{plural}/{name}/reconcile[?force=true]
 * POST   /v1/namespaces/{ns}/{plural}/{name}/suspend|resume
 * GET|DELETE /v1/clusters/{name}, GET /v1/clusters/{name}/status   (cluster-scoped kinds)
 * POST   /v1/clusters/{name}/check                          connect now, record the Ready condition
 * POST   /v1/namespaces/{ns}/receivers/{name}/token[?rotate=true]  create (or replace) the Receiver's webhook token
 * </pre>
 * {@code fieldValidation} is {@code Strict} (the default: an unknown field is a 400), {@code Warn}
 * (stored, and named in the answer's {@code warnings}) or {@code Ignore}.
 */
public final class Router {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final System.Logger LOG = System.getLogger(Router.class.getName());
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
            LOG.log(System.Logger.Level.ERROR, "internal error {0} on {1} {2}: {3} at {4}", id, request.method(),
                    request.path(), e, e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?",
                    Fields.event("error").with("reference", id).with("error", e.getClass().getName()));
            return Codec.respond(500, Statuses.failure(new ApiException(500, "InternalError",
                    "internal error, reference " + id)), yaml);
        } catch (VirtualMachineError e) {
            // Out of memory or stack: the request's allocations are gone once unwound; answer
            // instead of letting the runtime report an uncaught throw. Out of memory may pass.
            String id = UUID.randomUUID().toString();
            LOG.log(System.Logger.Level.ERROR, "{0} {1} on {2} {3}", e.getClass().getSimpleName(), id, request.method(),
                    request.path(), Fields.event("error").with("reference", id).with("error", e.getClass().getName()));
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
            return apply(r, new Scope.Anywhere());
        }
        if (s.size() >= 3 && s.get(0).equals("namespaces")) {
            String namespace = namespace(s.get(1));
            if (s.size() == 3 && s.get(2).equals("apply")) {
                requireMethod(m, "POST");
                return apply(r, new Scope.Namespace(namespace));
            }
            Kind kind = kind(s.get(2));
            if (!kind.namespaced()) {
                throw ApiException.notFound(kind.kind() + " is cluster-scoped: use /v1/" + kind.plural());
            }
            if (s.size() == 3) {
                requireMethod(m, "GET");
                return list(r, kind, namespace);
            }
            return object(r, new ObjectKey(kind, namespace, name(s.get(3))), s.subList(4, s.size()));
        }
        if (s.size() >= 1) {
            Kind kind = kind(s.get(0));
            if (s.size() == 1) {
                if (kind == Kind.CLUSTER && m.equals("POST")) {
                    return apply(r, new Scope.Clusters());
                }
                requireMethod(m, "GET");
                return list(r, kind, kind.namespaced() ? r.param("namespace").map(Router::namespace).orElse("") : "");
            }
            if (kind.namespaced()) {
                throw ApiException.notFound(kind.kind() + " is namespaced: use /v1/namespaces/{namespace}/"
                        + kind.plural() + "/" + s.get(1));
            }
            return object(r, new ObjectKey(kind, "", name(s.get(1))), s.subList(2, s.size()));
        }
        throw ApiException.notFound("no such path: " + r.path());
    }

    private Object apply(HttpRequest r, Scope scope) {
        Manifest body = Codec.readDocuments(r.body(), r.header("Content-Type").orElse(""));
        FieldValidation validation = FieldValidation.parse(r.param("fieldValidation").orElse(null));
        return plane.apply(body.documents(), body.warnings().stream().map(YamlWarning::toString).toList(),
                new ApplyOptions(scope, validation, r.caller()));
    }

    private Object list(HttpRequest r, Kind kind, String namespace) {
        int limit = r.param("limit").map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit: \"" + v + "\" is not a number");
            }
        }).orElse(ControlPlane.MAX_LIST_LIMIT);
        return plane.list(kind, namespace, r.param("labelSelector").orElse(null), limit,
                r.param("continue").orElse(null));
    }

    /** A namespace from the path or query; anything else (a {@code #}, a space) is a 400, not a lookup. */
    private static String namespace(String segment) {
        if (!DNS_LABEL.matcher(segment).matches()) {
            throw ApiException.badRequest("namespace: \"" + segment + "\" is not a valid namespace (a DNS label: a-z, "
                    + "0-9 and '-')");
        }
        return segment;
    }

    private static String name(String segment) {
        if (segment.length() > 253 || !DNS_SUBDOMAIN.matcher(segment).matches()) {
            throw ApiException.badRequest("name: \"" + segment + "\" is not a valid object name (a DNS subdomain: "
                    + "a-z, 0-9, '-' and '.')");
        }
        return segment;
    }

    private Object object(HttpRequest r, ObjectKey key, List<String> rest) {
        String m = r.method();
        if (rest.isEmpty()) {
            return switch (m) {
                case "GET" -> plane.get(key);
                case "DELETE" -> plane.delete(key, resourceVersion(r), r.caller());
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
                    return plane.reconcile(key, r.param("force").map(Boolean::parseBoolean).orElse(false),
                            r.caller());
                }
                case "suspend" -> {
                    requireMethod(m, "POST");
                    return plane.suspend(key, r.caller());
                }
                case "resume" -> {
                    requireMethod(m, "POST");
                    return plane.resume(key, r.caller());
                }
                case "check" -> {
                    requireMethod(m, "POST");
                    return plane.check(key, r.caller());
                }
                case "token" -> {
                    requireMethod(m, "POST");
                    return plane.receiverToken(key, r.param("rotate").map(Boolean::parseBoolean).orElse(false),
                            r.caller());
                }
                default -> {
                }
            }
        }
        throw ApiException.notFound("no such path: " + r.path());
    }

    /**
     * The segments after {@code /v1}, whatever prefix (a stage name) comes before it, each
     * percent-decoded (a {@code +} stays a {@code +}: this is a path, not a form); a malformed
     * escape is a 400.
     */
    static List<String> segments(String path) {
        List<String> parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).map(Router::decode).toList();
        int v1 = parts.indexOf("v1");
        if (v1 < 0) {
            throw ApiException.notFound("no such path: " + path + " (the API lives under /v1/)");
        }
        return parts.subList(v1 + 1, parts.size());
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the path segment \"" + segment + "\" is not validly percent-encoded");
        }
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
