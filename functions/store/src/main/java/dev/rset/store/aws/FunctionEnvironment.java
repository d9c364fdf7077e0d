package dev.rset.store.aws;

import java.net.URI;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What a function reads from its environment to reach AWS: the region ({@code AWS_REGION}), one
 * endpoint for every AWS API ({@code RSET_AWS_ENDPOINT}: local emulators in tests and {@code rset
 * dev}) or one for a single service ({@code RSET_STS_ENDPOINT} &amp;co.), and the variables it cannot
 * run without. Every read goes through the map it is given, so that the stack's contract test,
 * which records them, sees each one.
 */
public final class FunctionEnvironment {
    public static final String DEFAULT_REGION = "us-east-1";

    private final Map<String, String> env;

    public FunctionEnvironment(Map<String, String> env) {
        this.env = env;
    }

    public String regionName() {
        return env.getOrDefault("AWS_REGION", DEFAULT_REGION);
    }

    /** {@code RSET_AWS_ENDPOINT}, when set. */
    public Optional<URI> endpoint() {
        return uri("RSET_AWS_ENDPOINT");
    }

    /** The service's own endpoint variable, else {@link #endpoint()}. */
    public Optional<URI> endpoint(String variable) {
        return uri(variable).or(this::endpoint);
    }

    /** A variable the function cannot run without: a blank or missing one stops it at start. */
    public String required(String variable) {
        return optional(variable).orElseThrow(() -> new IllegalStateException(variable + " is not set"));
    }

    public Optional<String> optional(String variable) {
        return Optional.ofNullable(env.get(variable)).filter(s -> !s.isBlank());
    }

    /**
     * A client of one AWS service as every function makes it: this region, {@code credentials},
     * the process's one URL-connection HTTP client (no Netty in the Lambda jars) and {@code endpoint}
     * if any.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder,
            AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        return client(builder, credentials, endpoint, List.of());
    }

    /** {@link #client(AwsClientBuilder, AwsCredentialsProvider, Optional)} whose calls {@code interceptors} see (tests count them). */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder,
            AwsCredentialsProvider credentials, Optional<URI> endpoint, List<ExecutionInterceptor> interceptors) {
        builder.region(Region.of(regionName())).credentialsProvider(credentials).httpClient(SharedHttp.CLIENT);
        endpoint.ifPresent(builder::endpointOverride);
        if (!interceptors.isEmpty()) {
            builder.overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor));
        }
        return builder.build();
    }

    /**
     * {@link #client} made at its first use: for a client that a function's first event may not
     * need, so that a cold start does not build it (and load its service's classes).
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> Supplier<C> clientWhenUsed(
            Supplier<B> builder, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        return new Once<>(() -> client(builder.get(), credentials, endpoint));
    }

    /**
     * One HTTP client for every AWS client of the process. The URL-connection client keeps no pool
     * (the JDK's keep-alive cache is process-wide anyway), so sharing it changes no request; a
     * client given it does not close it, and it lives as long as the process.
     */
    private static final class SharedHttp {
        static final SdkHttpClient CLIENT = UrlConnectionHttpClient.builder().build();
    }

    private Optional<URI> uri(String variable) {
        return optional(variable).map(URI::create);
    }
}
