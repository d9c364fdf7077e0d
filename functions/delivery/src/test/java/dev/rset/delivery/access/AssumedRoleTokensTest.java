package dev.rset.delivery.access;

import dev.rset.core.api.ClusterAuth;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AssumeRole and the token's GetCallerIdentity against moto_server's STS. */
@ExtendWith(MotoServer.class)
class AssumedRoleTokensTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/rset-deployer";
    static final AccessSettings SETTINGS = new AccessSettings("rset", false, Set.of("123456789012"), "ext-id-1", "",
            "us-east-1", Duration.ofSeconds(5), Duration.ofSeconds(5));

    StsClient sts;
    MotoServer moto;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        sts = StsClient.builder().region(Region.US_EAST_1).endpointOverride(moto.endpoint())
                .credentialsProvider(TestTables.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterEach
    void close() {
        sts.close();
    }

    @Test
    void theTokenProvesTheAssumedRoleSession() throws Exception {
        AssumedRoleTokens tokens = new AssumedRoleTokens(sts, SETTINGS, Clock.systemUTC());
        String token = tokens.token("prod-eu", new ClusterAuth.Eks("prod", ROLE, "us-east-1"));
        URI presigned = EksTokensTest.decode(token);
        Map<String, String> q = EksTokensTest.query(presigned);
        assertTrue(q.get("X-Amz-Credential").endsWith("/us-east-1/sts/aws4_request"), q.get("X-Amz-Credential"));
        assertTrue(q.containsKey("X-Amz-Security-Token"), "assumed-role credentials are session credentials");

        // What EKS does with the token: call GetCallerIdentity and read who signed it. moto_server picks
        // the service and the caller from an Authorization header (it does not read presigned query
        // parameters), so the URL's own credential scope is sent there.
        HttpRequest call = HttpRequest.newBuilder(URI.create(moto.endpoint() + "/?" + presigned.getRawQuery()))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + q.get("X-Amz-Credential")
                        + ", SignedHeaders=host;x-k8s-aws-id, Signature=" + q.get("X-Amz-Signature"))
                .header(EksTokens.CLUSTER_ID_HEADER, "prod").GET().build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(call, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("<Arn>arn:aws:sts::123456789012:assumed-role/rset-deployer/rset-prod-eu</Arn>"),
                r.body());
    }

    @Test
    void rolesOutsideTheAllowedAccountsAreRefusedBeforeAnyCall() {
        AssumedRoleTokens tokens = new AssumedRoleTokens(sts, SETTINGS, Clock.systemUTC());
        AccessRefusedException e = assertThrows(AccessRefusedException.class, () -> tokens.token("x",
                new ClusterAuth.Eks("x", "arn:aws:iam::999999999999:role/r", "")));
        assertEquals("spec.auth.eks.roleArn: account 999999999999 is not one the control plane may assume roles in "
                + "(RSET_ALLOWED_ACCOUNT_IDS: 123456789012)", e.getMessage());
        AccessSettings noExternalId = new AccessSettings("rset", false, Set.of("123456789012"), "", "", "us-east-1",
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertEquals("spec.auth.eks", assertThrows(AccessRefusedException.class,
                () -> new AssumedRoleTokens(sts, noExternalId, Clock.systemUTC()).token("x",
                        new ClusterAuth.Eks("x", ROLE, ""))).field());
    }

    @Test
    void sessionNamesAreValidForSts() {
        assertEquals("rset-prod.eu", AssumedRoleTokens.sessionName("prod.eu"));
        assertEquals(64, AssumedRoleTokens.sessionName("a".repeat(100)).length());
    }
}
