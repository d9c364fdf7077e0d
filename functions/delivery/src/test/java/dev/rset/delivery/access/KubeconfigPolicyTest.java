package dev.rset.delivery.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubeconfigPolicyTest {
    static final URI SERVER = URI.create("https://prod.example.com:6443");
    static final String CA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t";

    /** A kubeconfig with one context, whose user and cluster get the extra lines given. */
    static String kubeconfig(String userLines, String clusterLines) {
        return """
                apiVersion: v1
                kind: Config
                current-context: prod
                contexts:
                  - name: prod
                    context: {cluster: prod, user: admin, namespace: default}
                clusters:
                  - name: prod
                    cluster:
                      server: https://prod.example.com:6443
                %s
                users:
                  - name: admin
                    user:
                %s
                """.formatted(indent(clusterLines), indent(userLines));
    }

    private static String indent(String lines) {
        return lines.lines().map(l -> "      " + l).reduce("", (a, b) -> a + b + "\n");
    }

    static final String TOKEN_USER = "token: SECRET-TOKEN";
    static final String CA_LINE = "certificate-authority-data: " + CA;

    @Test
    void takesTheTokenAndCaOfTheCurrentContext() {
        KubeconfigCredentials c = KubeconfigPolicy.check(kubeconfig(TOKEN_USER, CA_LINE), SERVER);
        assertEquals("SECRET-TOKEN", c.token());
        assertEquals(CA, c.certificateAuthorityData());
        assertTrue(c.usesToken());
        assertFalse(c.toString().contains("SECRET"), c.toString());
    }

    @Test
    void takesAClientCertificate() {
        KubeconfigCredentials c = KubeconfigPolicy.check(kubeconfig(
                "client-certificate-data: Q0VSVA==\nclient-key-data: S0VZLVNFQ1JFVA==", ""), SERVER);
        assertEquals("Q0VSVA==", c.clientCertificateData());
        assertEquals("S0VZLVNFQ1JFVA==", c.clientKeyData());
        assertFalse(c.usesToken());
        assertEquals("KubeconfigCredentials[client certificate]", c.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "exec: {command: aws, args: [eks, get-token]}|users[0].user.exec|credential plugins are not allowed",
            "auth-provider: {name: gcp}|users[0].user.auth-provider|auth providers are not allowed",
            "tokenFile: /var/run/secrets/token|users[0].user.tokenFile|file paths are not allowed",
            "client-certificate: /etc/cert.pem|users[0].user.client-certificate|file paths are not allowed",
            "client-key: /etc/key.pem|users[0].user.client-key|file paths are not allowed",
            "username: admin|users[0].user.username|basic authentication is not supported",
            "as: system:admin|users[0].user.as|impersonation in the kubeconfig is not allowed",
            "something-new: x|users[0].user.something-new|not supported by the control plane"})
    void refusesUserFields(String line, String field, String why) {
        AccessRefusedException e = assertThrows(AccessRefusedException.class,
                () -> KubeconfigPolicy.check(kubeconfig(TOKEN_USER + "\n" + line, ""), SERVER));
        assertEquals(field, e.field());
        assertTrue(e.problem().startsWith(why), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET-TOKEN"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "certificate-authority: /etc/ca.pem|clusters[0].cluster.certificate-authority|file paths are not allowed",
            "proxy-url: http://proxy:3128|clusters[0].cluster.proxy-url|proxies are not allowed",
            "insecure-skip-tls-verify: true|clusters[0].cluster.insecure-skip-tls-verify|TLS verification cannot be switched off",
            "tls-server-name: other|clusters[0].cluster.tls-server-name|not supported"})
    void refusesClusterFields(String line, String field, String why) {
        AccessRefusedException e = assertThrows(AccessRefusedException.class,
                () -> KubeconfigPolicy.check(kubeconfig(TOKEN_USER, line), SERVER));
        assertEquals(field, e.field());
        assertTrue(e.problem().startsWith(why), e.getMessage());
    }

    @Test
    void insecureSkipTlsVerifyFalseIsHarmless() {
        KubeconfigPolicy.check(kubeconfig(TOKEN_USER, "insecure-skip-tls-verify: false"), SERVER);
    }

    @Test
    void refusesExecInAUserThatIsNotInUse() {
        String yaml = kubeconfig(TOKEN_USER, "") + """
                  - name: other
                    user:
                      exec: {command: sh}
                """;
        assertEquals("users[1].user.exec", assertThrows(AccessRefusedException.class,
                () -> KubeconfigPolicy.check(yaml, SERVER)).field());
    }

    @Test
    void theServerMustBeTheClusters() {
        AccessRefusedException e = assertThrows(AccessRefusedException.class,
                () -> KubeconfigPolicy.check(kubeconfig(TOKEN_USER, ""), URI.create("https://other.example.com:6443")));
        assertEquals("clusters[0].cluster.server: \"https://prod.example.com:6443\" is not the Cluster's spec.server "
                + "\"https://other.example.com:6443\"", e.getMessage());
        // The same server written differently is the same server.
        KubeconfigPolicy.check(kubeconfig(TOKEN_USER, ""), URI.create("https://PROD.example.com:6443/"));
        assertTrue(KubeconfigPolicy.sameServer("https://a.example.com", URI.create("https://a.example.com:443")));
        assertFalse(KubeconfigPolicy.sameServer("https://a.example.com:8443", URI.create("https://a.example.com")));
        assertFalse(KubeconfigPolicy.sameServer("http://a.example.com", URI.create("https://a.example.com")));
        assertFalse(KubeconfigPolicy.sameServer("https://a.example.com/x", URI.create("https://a.example.com")));
    }

    @Test
    void usesTheOnlyContextWithoutCurrentContextAndRefusesAmbiguity() {
        String noCurrent = kubeconfig(TOKEN_USER, "").replace("current-context: prod\n", "");
        assertEquals("SECRET-TOKEN", KubeconfigPolicy.check(noCurrent, SERVER).token());
        String two = noCurrent.replace("contexts:\n", "contexts:\n  - name: b\n    context: {cluster: prod, user: admin}\n");
        assertEquals("current-context: required when there is more than one context",
                assertThrows(AccessRefusedException.class, () -> KubeconfigPolicy.check(two, SERVER)).getMessage());
        String missing = kubeconfig(TOKEN_USER, "").replace("current-context: prod", "current-context: nope");
        assertEquals("current-context: \"nope\" is not in contexts",
                assertThrows(AccessRefusedException.class, () -> KubeconfigPolicy.check(missing, SERVER)).getMessage());
    }

    @Test
    void refusesMissingOrDoubleCredentials() {
        assertEquals("users[0].user: no credentials: set token, or client-certificate-data and client-key-data",
                assertThrows(AccessRefusedException.class,
                        () -> KubeconfigPolicy.check(kubeconfig("extensions: []", ""), SERVER)).getMessage());
        assertEquals("users[0].user: client-certificate-data and client-key-data go together",
                assertThrows(AccessRefusedException.class,
                        () -> KubeconfigPolicy.check(kubeconfig("client-certificate-data: Q0VSVA==", ""), SERVER))
                        .getMessage());
        assertEquals("users[0].user.client-key-data: not base64", assertThrows(AccessRefusedException.class,
                () -> KubeconfigPolicy.check(kubeconfig("client-certificate-data: Q0VSVA==\nclient-key-data: '%%'", ""),
                        SERVER)).getMessage());
    }

    @Test
    void badYamlNeverEchoesTheContent() {
        AccessRefusedException e = assertThrows(AccessRefusedException.class,
                () -> KubeconfigPolicy.check("users:\n  - user: {token: SECRET-TOKEN\n  bad: [", SERVER));
        assertTrue(e.getMessage().startsWith("kubeconfig: not valid YAML"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        assertEquals("kubeconfig: expected a kubeconfig object",
                assertThrows(AccessRefusedException.class, () -> KubeconfigPolicy.check("- a", SERVER)).getMessage());
    }
}
