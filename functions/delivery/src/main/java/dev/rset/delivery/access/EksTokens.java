package dev.rset.delivery.access;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The bearer token EKS accepts, made as {@code aws eks get-token} makes it: a SigV4 query-presigned
 * STS {@code GetCallerIdentity} URL (valid 60 s for signing; EKS accepts the token for 15 minutes)
 * whose signed headers include {@code x-k8s-aws-id: <cluster name>}, so a token for one cluster is
 * useless on another, encoded as {@code k8s-aws-v1.} + base64url without padding.
 */
public final class EksTokens {
    public static final String PREFIX = "k8s-aws-v1.";
    public static final String CLUSTER_ID_HEADER = "x-k8s-aws-id";
    static final Duration PRESIGN_EXPIRY = Duration.ofSeconds(60);

    private EksTokens() {
    }

    public static String token(String clusterName, String region, AwsCredentialsIdentity credentials, Clock clock) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(presignedUrl(clusterName, region, credentials, clock).getBytes(StandardCharsets.UTF_8));
    }

    /** The presigned {@code GetCallerIdentity} URL the token carries. */
    static String presignedUrl(String clusterName, String region, AwsCredentialsIdentity credentials, Clock clock) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https")
                .host(stsHost(region)).encodedPath("/")
                .putRawQueryParameter("Action", "GetCallerIdentity").putRawQueryParameter("Version", "2011-06-15")
                .putHeader(CLUSTER_ID_HEADER, clusterName).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, PRESIGN_EXPIRY)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        return signed.request().getUri().toString();
    }

    /** The regional STS endpoint, as {@code aws eks get-token} uses (China regions under amazonaws.com.cn). */
    static String stsHost(String region) {
        return "sts." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : "");
    }
}
