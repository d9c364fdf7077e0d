package dev.rset.providers.aws;

import dev.rset.core.api.AwsSourceUrl;
import dev.rset.forge.providers.AwsSources;
import dev.rset.forge.providers.git.GitForge;
import dev.rset.forge.providers.http.HttpFailure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;
import software.amazon.awssdk.services.codecommit.CodeCommitClientBuilder;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrClientBuilder;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;

/**
 * {@link AwsSources} over the AWS SDK with the function's own credentials, in the region the
 * provider's URL names. One client per service and region, kept for the life of the function. The
 * SDK does not retry: a throttled call ends the poll as rate-limited and the scheduler comes back
 * later, as for a forge's 429.
 */
public final class AwsSdkSources implements AwsSources {
    private final AwsCredentialsProvider credentials;
    private final Endpoints endpoints;
    private final Clock clock;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final Map<String, CodeCommitClient> codeCommit = new ConcurrentHashMap<>();
    private final Map<String, EcrClient> ecr = new ConcurrentHashMap<>();

    /**
     * Where the calls go instead of AWS, for tests and {@code rset dev}.
     *
     * @param api the endpoint of every AWS API (moto_server)
     * @param registry {@code host:port} of a plain-HTTP registry that stands in for every ECR registry
     * @param git the base URL of a server that stands in for CodeCommit's Git endpoints
     */
    public record Endpoints(Optional<URI> api, Optional<String> registry, Optional<String> git) {
        public static final Endpoints AWS = new Endpoints(Optional.empty(), Optional.empty(), Optional.empty());

        /** Every AWS API at {@code api} (moto_server, {@code rset dev}); registries and Git hosts are AWS's. */
        public static Endpoints api(Optional<URI> api) {
            return new Endpoints(api, Optional.empty(), Optional.empty());
        }
    }

    public AwsSdkSources(AwsCredentialsProvider credentials, Endpoints endpoints, Clock clock) {
        this.credentials = credentials;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @Override
    public GitForge codeCommit(AwsSourceUrl.CodeCommit repository, Duration timeout) {
        CodeCommitClient client = codeCommit.computeIfAbsent(repository.region(), region -> {
            CodeCommitClientBuilder b = CodeCommitClient.builder();
            configure(b, region);
            return b.build();
        });
        return new CodeCommitRepository(client, repository, timeout, clock);
    }

    /** The host and path signed are the real CodeCommit endpoint's, even when a test server answers. */
    @Override
    public GitLogin codeCommitGit(AwsSourceUrl.CodeCommit repository) throws HttpFailure {
        String host = "git-codecommit." + repository.region() + ".amazonaws.com";
        String path = "/v1/repos/" + repository.repository();
        CodeCommitGitPassword signed;
        try {
            signed = CodeCommitGitPassword.sign(credentials.resolveCredentials(), host, path, repository.region(),
                    clock.instant());
        } catch (SdkException e) {
            throw SdkFailures.of(e, "CodeCommit Git credentials (" + repository.repository() + ")", clock);
        }
        String base = endpoints.git().map(g -> g.replaceAll("/+$", "")).orElse("https://" + host);
        return new GitLogin(base + path, signed.username(), signed.password());
    }

    /**
     * ECR's {@code GetAuthorizationToken} answers a base64 {@code AWS:<password>} valid for 12 hours
     * for every registry the role may read; the OCI API takes it as basic credentials.
     */
    @Override
    public RegistryLogin ecrLogin(AwsSourceUrl.Ecr repository, Duration timeout) throws HttpFailure {
        EcrClient client = ecr.computeIfAbsent(repository.region(), region -> {
            EcrClientBuilder b = EcrClient.builder();
            configure(b, region);
            return b.build();
        });
        String call = "ECR GetAuthorizationToken (" + repository.host() + ")";
        AuthorizationData data;
        try {
            data = client.getAuthorizationToken(b -> b.overrideConfiguration(o -> o.apiCallTimeout(timeout)))
                    .authorizationData().stream().findFirst()
                    .orElseThrow(() -> HttpFailure.failed(call + ": no authorization data in the answer"));
        } catch (SdkException e) {
            throw SdkFailures.of(e, call, clock);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw HttpFailure.failed(call + ": the authorization token is not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw HttpFailure.failed(call + ": the authorization token is not <user>:<password>");
        }
        String host = endpoints.registry().orElse(repository.host());
        return new RegistryLogin("oci://" + host + "/" + repository.repository(), endpoints.registry().isPresent(),
                decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> void configure(B b, String region) {
        b.httpClient(http).region(Region.of(region)).credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        endpoints.api().ifPresent(b::endpointOverride);
    }
}
