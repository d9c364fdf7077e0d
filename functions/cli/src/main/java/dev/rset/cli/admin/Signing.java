package dev.rset.cli.admin;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SigV4 signing of API requests for API Gateway's IAM authorisation ({@code execute-api}),
 * with the credentials of the default AWS provider chain (environment, profile, SSO, role…).
 */
final class Signing {
    private static final Pattern REGION_IN_HOST = Pattern.compile("\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com");
    private final String region;

    private Signing(String region) {
        this.region = region;
    }

    static Signing forEndpoint(String server, String region) {
        if (region != null && !region.isBlank()) {
            return new Signing(region);
        }
        Matcher m = REGION_IN_HOST.matcher(server);
        if (m.find()) {
            return new Signing(m.group(1));
        }
        throw new UsageException("cannot tell the AWS region of " + server + ": pass --region or set AWS_REGION");
    }

    /** The headers to add: Authorization, X-Amz-Date, X-Amz-Security-Token and the payload hash. */
    Map<String, List<String>> sign(String method, URI uri, String body) {
        AwsCredentialsIdentity credentials;
        try (DefaultCredentialsProvider provider = DefaultCredentialsProvider.builder().build()) {
            credentials = provider.resolveCredentials();
        } catch (RuntimeException e) {
            throw new UsageException("no AWS credentials to sign the request (" + e.getMessage()
                    + "); use --no-sign only for a local API");
        }
        SdkHttpRequest request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method)).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        return signed.request().headers();
    }
}
