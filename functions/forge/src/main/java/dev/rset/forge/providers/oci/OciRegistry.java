package dev.rset.forge.providers.oci;

import dev.rset.core.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import dev.rset.forge.providers.http.LinkHeader;
import dev.rset.forge.providers.http.Pages;
import dev.rset.forge.providers.http.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI distribution API of one repository ({@code oci://<registry>/<name>}): tag lists paged by
 * {@code Link}, and the digest a tag names. Access is anonymous, basic, or through the bearer
 * token flow: a 401 with {@code WWW-Authenticate: Bearer realm=…,service=…,scope=…} is answered by
 * fetching a token from the realm (with the basic credentials, if any) and asking again.
 */
public final class OciRegistry {
    private static final String MANIFEST_TYPES = String.join(", ",
            "application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    private final ForgeHttp http;
    private final String base;
    private final String name;
    private final String basic;
    private String authorization = "";

    /**
     * @param username empty for anonymous access
     * @param insecure plain HTTP ({@code spec.insecure})
     */
    public OciRegistry(ForgeHttp http, String url, boolean insecure, String username, String password)
            throws HttpFailure {
        if (!url.startsWith("oci://") || url.length() <= 6 || !url.substring(6).contains("/")) {
            throw HttpFailure.failed("spec.url \"" + url + "\" must be oci://<registry>/<repository>");
        }
        String rest = url.substring(6).replaceAll("/+$", "");
        String host = rest.substring(0, rest.indexOf('/'));
        String repo = rest.substring(rest.indexOf('/') + 1);
        if (host.equals("docker.io") || host.equals("index.docker.io")) {
            host = "registry-1.docker.io";
            repo = repo.contains("/") ? repo : "library/" + repo;
        }
        this.http = http;
        this.base = (insecure ? "http://" : "https://") + host + "/v2/";
        this.name = repo;
        this.basic = username.isEmpty() ? "" : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Every tag of the repository, in the registry's order. */
    public List<String> tags() throws HttpFailure {
        List<String> out = new ArrayList<>();
        URI uri = URI.create(base + name + "/tags/list?n=1000");
        for (int page = 1; uri != null; page++) {
            if (page > Pages.MAX_PAGES) {
                throw HttpFailure.failed("tag list of " + name + " has more than " + Pages.MAX_PAGES + " pages");
            }
            Response r = get("GET", uri, Map.of("Accept", "application/json"));
            JsonNode tags = http.json(r).path("tags");
            tags.forEach(t -> out.add(t.asText()));
            uri = LinkHeader.next(r.headers(), r.uri());
        }
        return out;
    }

    /** The {@code sha256:<hex>} digest of the manifest {@code tag} names. */
    public String digest(String tag) throws HttpFailure {
        URI uri = URI.create(base + name + "/manifests/" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
        Response head = get("HEAD", uri, Map.of("Accept", MANIFEST_TYPES));
        String digest = head.header("Docker-Content-Digest");
        if (!digest.isEmpty()) {
            return digest;
        }
        Response manifest = get("GET", uri, Map.of("Accept", MANIFEST_TYPES));
        return "sha256:" + Sha256.hex(manifest.body());
    }

    private Response get(String method, URI uri, Map<String, String> headers) throws HttpFailure {
        try {
            return http.send(method, uri, withAuth(headers), HttpRequest.BodyPublishers.noBody(),
                    ForgeHttp.DEFAULT_MAX_BODY);
        } catch (HttpFailure f) {
            if (f.kind() != HttpFailure.Kind.UNAUTHORIZED || !authorization.isEmpty() && !authorization.equals(basic)) {
                throw f;
            }
            Challenge c = Challenge.parse(f.challenge());
            if (c.bearer()) {
                authorization = "Bearer " + token(c);
            } else if (c.basic() && !basic.isEmpty() && authorization.isEmpty()) {
                authorization = basic;
            } else {
                throw f;
            }
            return http.send(method, uri, withAuth(headers), HttpRequest.BodyPublishers.noBody(),
                    ForgeHttp.DEFAULT_MAX_BODY);
        }
    }

    private Map<String, String> withAuth(Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (!authorization.isEmpty()) {
            h.put("Authorization", authorization);
        }
        return h;
    }

    /** The registry's token service: {@code GET realm?service=…&scope=…}, answering {@code token} or {@code access_token}. */
    private String token(Challenge c) throws HttpFailure {
        StringBuilder q = new StringBuilder(c.params().get("realm"));
        String sep = q.indexOf("?") < 0 ? "?" : "&";
        String scope = c.params().getOrDefault("scope", "repository:" + name + ":pull");
        for (Map.Entry<String, String> p : Map.of("service", c.params().getOrDefault("service", ""), "scope", scope)
                .entrySet()) {
            if (!p.getValue().isEmpty()) {
                q.append(sep).append(p.getKey()).append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
                sep = "&";
            }
        }
        Map<String, String> headers = basic.isEmpty() ? Map.of() : Map.of("Authorization", basic);
        JsonNode answer;
        try {
            answer = http.getJson(URI.create(q.toString()), headers);
        } catch (IllegalArgumentException e) {
            throw HttpFailure.failed("registry token realm \"" + c.params().get("realm") + "\" is not a URL");
        }
        String token = answer.path("token").asText(answer.path("access_token").asText());
        if (token.isEmpty()) {
            throw HttpFailure.failed("registry token service " + c.params().get("realm") + " answered no token");
        }
        return token;
    }
}
