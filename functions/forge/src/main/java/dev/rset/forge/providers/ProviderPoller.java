package dev.rset.forge.providers;

import dev.rset.core.api.AwsSourceUrl;
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
import dev.rset.forge.providers.git.GitRefs;
import dev.rset.forge.providers.git.GiteaApi;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.forge.providers.http.ForgeHttp;
import dev.rset.forge.providers.http.HttpFailure;
import dev.rset.forge.providers.oci.OciRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.Predicate;

/**
 * Polls a ResourceSetInputProvider's source and answers its exported inputs exactly as the Flux
 * Operator computes them, or why it could not. The filters, skip rules, order and limit are the
 * webhook path's ({@link PolledInputs}). AWS CodeCommit and ECR are reached through the
 * {@link AwsSources} port; ACR and GAR are not polled yet.
 */
public final class ProviderPoller {
    private final Supplier<HttpClient> clients;
    private final Clock clock;
    private final GitHubAppTokens appTokens;
    private final AwsSources aws;

    /** A poller for every type but the AWS-hosted ones. */
    public ProviderPoller(HttpClient client, Clock clock, GitHubAppTokens appTokens) {
        this(client, clock, appTokens, AwsSources.NONE);
    }

    public ProviderPoller(HttpClient client, Clock clock, GitHubAppTokens appTokens, AwsSources aws) {
        this(() -> client, clock, appTokens, aws);
    }

    /** {@code clients} is asked at each poll ({@link #defaultClientWhenUsed()}: made at the first poll). */
    public ProviderPoller(Supplier<HttpClient> clients, Clock clock, GitHubAppTokens appTokens, AwsSources aws) {
        this.clients = clients;
        this.clock = clock;
        this.appTokens = appTokens;
        this.aws = aws;
    }

    /** A client for production use: redirects followed except to plain HTTP, connections opened within 10 s. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * {@link #defaultClient()}, one per process, made at the first poll: a scheduler tick without
     * due providers does not start the JDK HTTP client (its classes and selector thread).
     */
    public static Supplier<HttpClient> defaultClientWhenUsed() {
        return () -> DefaultClient.CLIENT;
    }

    private static final class DefaultClient {
        static final HttpClient CLIENT = defaultClient();
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
        ForgeHttp http = new ForgeHttp(clients.get(), clock, service, r.timeout());
        Predicate<Listed> passes = PolledInputs.filter(p);
        int limit = spec.filter().limit();
        return switch (spec.type()) {
            case STATIC -> PolledInputs.staticInputs(p);
            case EXTERNAL_SERVICE -> PolledInputs.external(p,
                    ExternalService.inputs(http, spec.url(), spec.insecure(), bearerOrBasic(r.credentials())));
            case OCI_ARTIFACT_TAG -> ociTags(p, http, r.credentials());
            case GITLAB_ENVIRONMENT -> PolledInputs.environments(p, forge(r, http).environments(passes, limit));
            case ECR_ARTIFACT_TAG -> ecrTags(p, http, r.timeout());
            case AWS_CODECOMMIT_TAG -> codeCommitTags(p, http);
            case ACR_ARTIFACT_TAG, GAR_ARTIFACT_TAG -> throw HttpFailure.failed(
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
            case GITHUB_PULL_REQUEST, GITHUB_BRANCH, GITHUB_TAG -> new GitHubApi(http, url,
                    ForgeAuthorization.github(http, appTokens, url, c));
            case GITLAB_MERGE_REQUEST, GITLAB_BRANCH, GITLAB_TAG, GITLAB_ENVIRONMENT -> new GitLabApi(http, url,
                    ForgeAuthorization.gitlab(c));
            case GITEA_PULL_REQUEST, GITEA_BRANCH, GITEA_TAG -> new GiteaApi(http, url, ForgeAuthorization.gitea(c));
            case AZURE_DEVOPS_PULL_REQUEST, AZURE_DEVOPS_BRANCH, AZURE_DEVOPS_TAG -> new AzureDevOpsApi(http, url,
                    ForgeAuthorization.azureDevOps(c));
            case AWS_CODECOMMIT_PULL_REQUEST, AWS_CODECOMMIT_BRANCH, AWS_CODECOMMIT_TAG -> aws.codeCommit(
                    (AwsSourceUrl.CodeCommit) awsUrl(r.provider()), r.timeout());
            default -> throw HttpFailure.failed(r.provider().spec().type().wire() + " is not a Git forge type");
        };
    }

    /** The registry's OCI API with the password ECR hands the function's role. */
    private List<Map<String, Object>> ecrTags(ResourceSetInputProvider p, ForgeHttp http, Duration timeout)
            throws HttpFailure {
        AwsSources.RegistryLogin login = aws.ecrLogin((AwsSourceUrl.Ecr) awsUrl(p), timeout);
        return ociTags(p, new OciRegistry(http, login.url(), login.insecure(), login.username(), login.password()));
    }

    private List<Map<String, Object>> codeCommitTags(ResourceSetInputProvider p, ForgeHttp http) throws HttpFailure {
        AwsSources.GitLogin login = aws.codeCommitGit((AwsSourceUrl.CodeCommit) awsUrl(p));
        return PolledInputs.tags(p, GitRefs.tags(http, login.url(),
                ForgeAuthorization.basic(login.username(), login.password())));
    }

    private static AwsSourceUrl awsUrl(ResourceSetInputProvider p) throws HttpFailure {
        try {
            return AwsSourceUrl.parse(p.spec().type(), p.spec().url());
        } catch (IllegalArgumentException e) {
            throw HttpFailure.failed("spec.url: " + e.getMessage());
        }
    }

    private static List<Map<String, Object>> ociTags(ResourceSetInputProvider p, ForgeHttp http, Credentials c)
            throws HttpFailure {
        String user = c instanceof Credentials.Basic b ? b.username() : "";
        String password = c instanceof Credentials.Basic b ? b.password() : "";
        return ociTags(p, new OciRegistry(http, p.spec().url(), p.spec().insecure(), user, password));
    }

    /** Tags chosen first, so a digest is asked for only the tags that are exported. */
    private static List<Map<String, Object>> ociTags(ResourceSetInputProvider p, OciRegistry registry)
            throws HttpFailure {
        List<Listed.OciTag> chosen = new ArrayList<>();
        for (String tag : PolledInputs.tagNames(p, registry.tags())) {
            chosen.add(new Listed.OciTag(tag, registry.digest(tag)));
        }
        return PolledInputs.ociTags(p, chosen);
    }

    private static String bearerOrBasic(Credentials c) {
        return c instanceof Credentials.Token t ? "Bearer " + t.token()
                : c instanceof Credentials.Basic b ? ForgeAuthorization.basic(b.username(), b.password()) : "";
    }
}
