package dev.rset.forge.hook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rset.forge.testing.Signer;
import dev.rset.forge.testing.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerifierTest {
    private static final String TOKEN = "s3cr3t-token";
    private static final byte[] BODY = "{\"zen\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private static Delivery delivery(SignedRequest r) {
        return new Delivery(Headers.of(r.headers()), r.body(), Instant.EPOCH);
    }

    private static Rejection rejected(ReceiverType type, SignedRequest r) {
        return assertThrows(Rejection.class, () -> Verifier.verify(type, TOKEN, delivery(r)));
    }

    @ParameterizedTest
    @EnumSource(ReceiverType.class)
    void acceptsWhatTheForgeSigns(ReceiverType type) {
        SignedRequest r = Signer.sign(type, TOKEN, "push", "d-1", BODY);
        assertDoesNotThrow(() -> Verifier.verify(type, TOKEN, delivery(r)));
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITEA", "FORGEJO", "GENERIC_HMAC"})
    void rejectsAPayloadChangedAfterSigning(ReceiverType type) {
        SignedRequest r = Signer.sign(type, TOKEN, "push", "d-1", BODY).withBody("{\"zen\":\"ko\"}".getBytes(
                StandardCharsets.UTF_8));
        Rejection e = rejected(type, r);
        assertEquals(401, e.status());
        assertEquals(true, e.reason().endsWith("does not match the payload"), e.reason());
    }

    @ParameterizedTest
    @EnumSource(value = ReceiverType.class, names = {"GITHUB", "GITLAB", "GITEA", "FORGEJO", "AZURE_DEVOPS",
        "GENERIC_HMAC"})
    void rejectsASignatureMadeWithAnotherToken(ReceiverType type) {
        SignedRequest r = Signer.sign(type, "other-token", "push", "d-1", BODY);
        Rejection e = rejected(type, r);
        assertEquals(401, e.status());
        assertEquals(false, e.reason().contains(TOKEN), "the reason never quotes the token");
        assertEquals(false, e.reason().contains("other-token"), "nor what was sent");
    }

    @Test
    void namesTheMissingHeader() {
        SignedRequest r = Signer.sign(ReceiverType.GITHUB, TOKEN, "push", "d-1", BODY).withoutHeader(
                "X-Hub-Signature-256");
        assertEquals("missing X-Hub-Signature-256 header", rejected(ReceiverType.GITHUB, r).reason());
        SignedRequest gl = Signer.sign(ReceiverType.GITLAB, TOKEN, "Push Hook", "d-1", BODY).withoutHeader(
                "X-Gitlab-Token");
        assertEquals("missing X-Gitlab-Token header", rejected(ReceiverType.GITLAB, gl).reason());
        SignedRequest ado = Signer.sign(ReceiverType.AZURE_DEVOPS, TOKEN, "", "d-1", BODY).withoutHeader(
                "Authorization");
        assertEquals("missing Authorization header", rejected(ReceiverType.AZURE_DEVOPS, ado).reason());
    }

    @Test
    void githubAcceptsOnlySha256() {
        SignedRequest r = Signer.sign(ReceiverType.GITHUB, TOKEN, "push", "d-1", BODY)
                .withHeader("X-Hub-Signature-256", "sha1=" + Hmac.signHex("HmacSHA1", TOKEN, BODY));
        assertEquals("X-Hub-Signature-256 must have the form sha256=<hex HMAC of the body>",
                rejected(ReceiverType.GITHUB, r).reason());
    }

    @Test
    void genericHmacAcceptsTheAlgorithmsFluxAccepts() {
        for (String[] algo : new String[][] {{"sha1", "HmacSHA1"}, {"sha512", "HmacSHA512"}}) {
            Delivery d = new Delivery(Headers.of(Map.of("X-Signature", algo[0] + "=" + Hmac.signHex(algo[1], TOKEN,
                    BODY))), BODY, Instant.EPOCH);
            assertDoesNotThrow(() -> Verifier.verify(ReceiverType.GENERIC_HMAC, TOKEN, d));
        }
    }

    @Test
    void signatureThatIsNotHexIsAMismatchNotACrash() {
        SignedRequest r = Signer.sign(ReceiverType.GITEA, TOKEN, "push", "d-1", BODY)
                .withHeader("X-Gitea-Signature", "zz-not-hex");
        assertEquals("X-Gitea-Signature does not match the payload", rejected(ReceiverType.GITEA, r).reason());
    }

    @Test
    void forgejoFallsBackToTheGiteaHeader() {
        SignedRequest r = Signer.sign(ReceiverType.GITEA, TOKEN, "push", "d-1", BODY);
        assertDoesNotThrow(() -> Verifier.verify(ReceiverType.FORGEJO, TOKEN, delivery(r)));
    }

    @Test
    void azureDevOpsNeedsTheBasicScheme() {
        SignedRequest bearer = Signer.sign(ReceiverType.AZURE_DEVOPS, TOKEN, "", "d-1", BODY)
                .withHeader("Authorization", "Bearer " + TOKEN);
        assertEquals("Authorization must use the Basic scheme", rejected(ReceiverType.AZURE_DEVOPS, bearer).reason());
        SignedRequest noPassword = Signer.sign(ReceiverType.AZURE_DEVOPS, TOKEN, "", "d-1", BODY)
                .withHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(TOKEN.getBytes(
                        StandardCharsets.UTF_8)));
        assertEquals("Authorization password does not match the receiver's token",
                rejected(ReceiverType.AZURE_DEVOPS, noPassword).reason());
    }

    @Test
    void headersAreCaseInsensitiveAsApiGatewayLowercasesThem() {
        String sig = "sha256=" + Hmac.signHex("HmacSHA256", TOKEN, BODY);
        Delivery d = new Delivery(Headers.of(Map.of("x-hub-signature-256", sig)), BODY, Instant.EPOCH);
        assertDoesNotThrow(() -> Verifier.verify(ReceiverType.GITHUB, TOKEN, d));
    }
}
