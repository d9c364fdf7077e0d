package dev.rset.e2e;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.testing.ChangeRequest;
import dev.rset.forge.testing.Payloads;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * A team's preview environments, declared through the management API as a user would: a GitHub
 * repository whose {@code pull_request} deliveries a Receiver feeds into a provider, read by a
 * ResourceSet that renders, per pull request, a GitRepository, a HelmRelease and a ConfigMap
 * marked {@code fluxcd.controlplane.io/prune: disabled}, into one namespace of its clusters.
 *
 * <p>All definitions live in a control-plane namespace of their own: a warm webhook function reuses
 * the providers and ResourceSets of a namespace it read for 10 s (WebhookService's
 * {@code definitionsTtl}), so a team declared next to a busy one would only be seen after that.
 */
public final class Previews {
    static final String RESOURCE_SET = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: %NAME%
              namespace: %TEAM%
              annotations:
                rset.dev/clusters: "%PLACEMENT%"
            spec:
              inputsFrom:
                - name: %NAME%-prs
              resources:
                - apiVersion: source.toolkit.fluxcd.io/v1
                  kind: GitRepository
                  metadata:
                    name: app-<< inputs.id >>
                    namespace: %NS%
                  spec:
                    interval: 1h
                    url: %REPO%
                    ref:
                      commit: << inputs.sha | quote >>
                - apiVersion: helm.toolkit.fluxcd.io/v2
                  kind: HelmRelease
                  metadata:
                    name: app-<< inputs.id >>
                    namespace: %NS%
                  spec:
                    interval: 1h
                    chart:
                      spec:
                        chart: ./charts/app
                        sourceRef:
                          kind: GitRepository
                          name: app-<< inputs.id >>
                    values:
                      image:
                        tag: << inputs.sha | quote >>
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: notes-<< inputs.id >>
                    namespace: %NS%
                    annotations:
                      fluxcd.controlplane.io/prune: disabled
                  data:
                    branch: << inputs.branch | quote >>
            """;
    private static final String SOURCES = """
            apiVersion: notification.toolkit.fluxcd.io/v1
            kind: Receiver
            metadata:
              name: %NAME%-github
              namespace: %TEAM%
            spec:
              type: github
              events: [ping, pull_request]
              secretRef:
                name: %NAME%-token
              resources:
                - kind: ResourceSetInputProvider
                  name: %NAME%-prs
            ---
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSetInputProvider
            metadata:
              name: %NAME%-prs
              namespace: %TEAM%
            spec:
              type: GitHubPullRequest
              url: %REPO%
            """;

    private final Pipeline pipeline;
    private final String name;
    private final String namespace;
    private final String clusterNamespace;
    private final String repo;
    private final String token = UUID.randomUUID().toString();
    private final Map<Long, ChangeRequest> open = new HashMap<>();
    private long deliveries;
    private Instant lastUpdate = Instant.EPOCH;

    private Previews(Pipeline pipeline, String name, String clusterNamespace, String server) {
        this.pipeline = pipeline;
        this.name = name;
        this.namespace = "team-" + name;
        this.clusterNamespace = clusterNamespace;
        this.repo = server + "/acme/" + name;
    }

    /** Stores the Receiver's token, then applies the Receiver and the provider (not the ResourceSet yet). */
    public static Previews declare(Pipeline pipeline, String name, String clusterNamespace) {
        return declare(pipeline, name, clusterNamespace, "https://github.com");
    }

    /** {@link #declare(Pipeline, String, String)} for a repository on {@code server} (a GitHub Enterprise Server). */
    public static Previews declare(Pipeline pipeline, String name, String clusterNamespace, String server) {
        Previews p = new Previews(pipeline, name, clusterNamespace, server);
        pipeline.receiverToken(p.namespace, name + "-token", p.token);
        pipeline.apply(p.fill(SOURCES, ""));
        // A warm webhook function re-reads its Receivers on a miss at most every 5 s (ReceiverDirectory):
        // until then a new Receiver's path answers 404. A forge's ping finds out when it is served.
        Await.until("the webhook serves Receiver " + p.namespace + "/" + name + "-github", Duration.ofSeconds(30),
                () -> pipeline.hook(p.digest(), Payloads.ping(p.token, name + "-ping-" + ++p.deliveries, p.repo))
                        == 200);
        return p;
    }

    public String name() {
        return name;
    }

    /** The control-plane namespace of the Receiver, the provider and the ResourceSet. */
    public String namespace() {
        return namespace;
    }

    /** The ResourceSet's YAML, placed with the label selector {@code placement}. */
    public String resourceSet(String placement) {
        return fill(RESOURCE_SET, placement);
    }

    /** {@link #resourceSet} with more annotations (YAML lines, e.g. {@code notify.rset.dev/forge: github}). */
    public String resourceSet(String placement, String annotations) {
        return resourceSet(placement).replace("    rset.dev/clusters: \"" + placement + "\"\n",
                "    rset.dev/clusters: \"" + placement + "\"\n" + annotations.indent(4));
    }

    /** Applies {@link #resourceSet} through the API. */
    public void place(String placement) {
        pipeline.apply(resourceSet(placement));
    }

    public String path() {
        return "/v1/namespaces/" + namespace + "/resourcesets/" + name;
    }

    /** A pull request opened with head {@code sha}; returns the webhook's HTTP status. */
    public int opened(long number, String sha) {
        return send(ChangeRequest.opened(number, sha, next()));
    }

    /** A new head commit pushed to an open pull request. */
    public int pushed(long number, String sha) {
        return send(current(number).synchronize(sha, next()));
    }

    public int closed(long number) {
        return send(current(number).closed(next()));
    }

    private ChangeRequest current(long number) {
        ChangeRequest cr = open.get(number);
        if (cr == null) {
            throw new IllegalStateException("pull request " + number + " of " + repo + " was never opened");
        }
        return cr;
    }

    private int send(ChangeRequest cr) {
        open.put(cr.number(), cr);
        return pipeline.hook(digest(), Payloads.changeRequest(ReceiverType.GITHUB, token,
                name + "-delivery-" + ++deliveries, repo, cr));
    }

    /** Each delivery a moment after the previous one, as the ordering guard expects of a forge. */
    private Instant next() {
        Instant now = Instant.now();
        lastUpdate = now.isAfter(lastUpdate) ? now : lastUpdate.plusMillis(1);
        return lastUpdate;
    }

    /** Flux's webhook path: hex SHA-256 of token + name + namespace of the Receiver. */
    private String digest() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((token + name + "-github" + namespace)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String fill(String template, String placement) {
        return template.replace("%NAME%", name).replace("%NS%", clusterNamespace).replace("%REPO%", repo)
                .replace("%PLACEMENT%", placement).replace("%TEAM%", namespace);
    }
}
