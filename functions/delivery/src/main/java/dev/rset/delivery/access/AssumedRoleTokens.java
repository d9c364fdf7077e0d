package dev.rset.delivery.access;

import dev.rset.core.api.ClusterAuth;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.DeliveryException.Reason;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.time.Clock;

/**
 * EKS tokens from the Cluster's IAM role: the role is assumed with the control plane's ExternalId
 * (only in allow-listed accounts), and the temporary credentials presign the token.
 */
public final class AssumedRoleTokens {
    /** Shortest session AWS allows: the credentials only sign one token. */
    static final int SESSION_SECONDS = 900;

    private final StsClient sts;
    private final AccessSettings settings;
    private final Clock clock;

    public AssumedRoleTokens(StsClient sts, AccessSettings settings, Clock clock) {
        this.sts = sts;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token for the Cluster {@code clusterName} registered with {@code eks}. */
    public String token(String clusterName, ClusterAuth.Eks eks) {
        settings.checkRole(eks.roleArn());
        AwsSessionCredentialsIdentity credentials = assume(clusterName, eks.roleArn());
        String region = eks.region().isEmpty() ? settings.region() : eks.region();
        return EksTokens.token(eks.clusterName(), region, credentials, clock);
    }

    AwsSessionCredentialsIdentity assume(String clusterName, String roleArn) {
        Credentials c;
        try {
            c = sts.assumeRole(r -> r.roleArn(roleArn).externalId(settings.externalId())
                    .roleSessionName(sessionName(clusterName)).durationSeconds(SESSION_SECONDS)).credentials();
        } catch (SdkException e) {
            String why = e instanceof AwsServiceException a && a.awsErrorDetails() != null
                    ? a.awsErrorDetails().errorCode() + ": " + a.awsErrorDetails().errorMessage() : e.getMessage();
            throw new DeliveryException(Reason.REFUSED_ACCESS, null, "cluster " + clusterName + ": cannot assume "
                    + roleArn + ": " + why, e);
        }
        return AwsSessionCredentialsIdentity.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    /** CloudTrail shows which Cluster a session was for; at most 64 of {@code [\w+=,.@-]}. */
    static String sessionName(String clusterName) {
        String name = "rset-" + clusterName.replaceAll("[^\\w+=,.@-]", "-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
