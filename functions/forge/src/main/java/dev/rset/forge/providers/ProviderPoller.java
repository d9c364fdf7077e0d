package dev.rset.forge.providers;

import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ProviderSpec;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.inputs.Listed;
import dev.rset.forge.inputs.PolledInputs;
import dev.rset.forge.providers.external.ExternalService;
import dev.rset.forge.providers.git.AzureDevOpsApi;
import dev.rset.forge.providers.git.GitForge;
import dev.rset.forge.providers.git.GitHubApi;
import dev.rset.forge.providers.git.GitLabApi;
import dev.rset.forge.providers.git.GiteaApi;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import dev.rset.forge.providers.oci.OciRegistry;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Polls a ResourceSetInputProvider's source and answers its exported inputs exactly as the Flux
 * Operator computes them, or why it could not. The filters, skip rules, order and limit are the
 * webhook path's ({@link PolledInputs}). ECR is polled through the AWS SDK by the scheduler
 * ({@code EcrPoller}), not here; AWS CodeCommit, ACR and GAR are not polled yet.
 */
public final class ProviderPoller {
    private final HttpClient client;
    private final Clock clock;
    private final GitHubAppTokens appTokens;

    public ProviderPoller(HttpClient client, Clock clock, GitHubAppTokens appTokens) {
        this.client = client;
        this.clock = clock;
        this.appTokens = appTokens;
    }

    /** A client for production use: redirects followed except to plain HTTP, connections opened within 10 s. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public PollResult poll(PollRequest request) {
        try {
            return new PollResult.Inputs(list(request));
        } catch (HttpFailure f) {
            return PollResult.of(f);
        } catch (InvalidObjectException e) {
            return new PollResult.Failed(e.getMessage());
        }
    }

    private List<Map<String, Object>> list(PollRequest r) throws HttpFailure {
        ResourceSetInputProvider p = r.provider();
        ProviderSpec spec = p.spec();
        String service = p.spec().type().wire() + " provider " + p.namespace() + "/" + p.name();
        ForgeHttp http = new ForgeHttp(client, clock, service, r.timeout());
        Predicate<Listed> passes = PolledInputs.filter(p);
        int limit = spec.filter().limit();
        return switch (spec.type()) {
            case STATIC -> PolledInputs.staticInputs(p);
            case EXTERNAL_SERVICE -> PolledInputs.external(p,
                    ExternalService.inputs(http, spec.url(), spec.insecure(), bearerOrBasic(r.credentials())));
            case OCI_ARTIFACT_TAG -> ociTags(p, http, r.credentials());
            case GITLAB_ENVIRONMENT -> PolledInputs.environments(p, forge(r, http).environments(passes, limit));
            case ACR_ARTIFACT_TAG, ECR_ARTIFACT_TAG, GAR_ARTIFACT_TAG -> throw HttpFailure.failed(
                    spec.type().wire() + " providers are not supported yet");
            default -> switch (spec.type().export()) {
                case CHANGE_REQUEST -> PolledInputs.changeRequests(p, forge(r, http).changeRequests(passes, limit),
                        r.previousInputs());
                case BRANCH -> PolledInputs.branches(p, forge(r, http).branches(passes, limit));
                case TAG -> PolledInputs.tags(p, forge(r, http).tags());
                default -> throw HttpFailure.failed(spec.type().wire() + " providers are not supported yet");
            };
        };
    }

    private GitForge forge(PollRequest r, ForgeHttp http) throws HttpFailure {
        String url = r.provider().spec().url();
        Credentials c = r.credentials();
        return switch (r.provider().spec().type()) {
            case GITHUB_PULL_REQUEST, GITHUB_BRANCH, GITHUB_TAG -> new GitHubApi(http, url, github(http, url, c));
            case GITLAB_MERGE_REQUEST, GITLAB_BRANCH, GITLAB_TAG, GITLAB_ENVIRONMENT -> new GitLabApi(http, url,
                    c instanceof Credentials.Basic b ? Map.of("PRIVATE-TOKEN", b.password())
                            : c instanceof Credentials.Token t ? Map.of("Authorization", "Bearer " + t.token()) : Map.of());
            case GITEA_PULL_REQUEST, GITEA_BRANCH, GITEA_TAG -> new GiteaApi(http, url,
                    c instanceof Credentials.Basic b ? "token " + b.password()
                            : c instanceof Credentials.Token t ? "token " + t.token() : "");
            case AZURE_DEVOPS_PULL_REQUEST, AZURE_DEVOPS_BRANCH, AZURE_DEVOPS_TAG -> new AzureDevOpsApi(http, url,
                    c instanceof Credentials.Basic b ? basic(b.username(), b.password())
                            : c instanceof Credentials.Token t ? basic("", t.token()) : "");
            default -> throw HttpFailure.failed(r.provider().spec().type().wire() + " is not a Git forge type");
        };
    }

    /** A personal access token (the secret's password or token), or a GitHub App installation token. */
    private String github(ForgeHttp http, String url, Credentials c) throws HttpFailure {
        if (c instanceof Credentials.GitHubApp app) {
            String api = app.apiBaseUrl().isEmpty() ? GitHubApi.apiBase(url) : app.apiBaseUrl();
            return "Bearer " + appTokens.token(http, api, app.app());
        }
        return c instanceof Credentials.Basic b ? "Bearer " + b.password()
                : c instanceof Credentials.Token t ? "Bearer " + t.token() : "";
    }

    /** Tags chosen first, so a digest is asked for only the tags that are exported. */
    private static List<Map<String, Object>> ociTags(ResourceSetInputProvider p, ForgeHttp http, Credentials c)
            throws HttpFailure {
        String user = c instanceof Credentials.Basic b ? b.username() : "";
        String password = c instanceof Credentials.Basic b ? b.password() : "";
        OciRegistry registry = new OciRegistry(http, p.spec().url(), p.spec().insecure(), user, password);
        List<Listed.OciTag> chosen = new ArrayList<>();
        for (String tag : PolledInputs.tagNames(p, registry.tags())) {
            chosen.add(new Listed.OciTag(tag, registry.digest(tag)));
        }
        return PolledInputs.ociTags(p, chosen);
    }

    private static String bearerOrBasic(Credentials c) {
        return c instanceof Credentials.Token t ? "Bearer " + t.token()
                : c instanceof Credentials.Basic b ? basic(b.username(), b.password()) : "";
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
