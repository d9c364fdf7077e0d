package dev.rset.forge.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rset.forge.providers.github.GitHubAppTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The secret keys the Flux Operator reads, and credentials that never print a secret. */
class CredentialsTest {
    @Test
    void secretKeysChooseTheKindOfCredentials() {
        assertEquals(new Credentials.Basic("flux", "ghp_x"),
                Credentials.fromSecret(Map.of("username", "flux", "password", "ghp_x")));
        assertEquals(new Credentials.Token("t"), Credentials.fromSecret(Map.of("token", " t\n")));
        assertEquals(new Credentials.GitHubApp(new GitHubAppTokens.App("1", "", "org", "KEY"),
                "https://ghe.example.com/api/v3"), Credentials.fromSecret(Map.of("githubAppID", "1",
                        "githubAppInstallationOwner", "org", "githubAppPrivateKey", "KEY",
                        "githubAppBaseURL", "https://ghe.example.com/api/v3/")));
        assertEquals(new Credentials.None(), Credentials.fromSecret(Map.of("unrelated", "x")));
    }

    @Test
    void toStringNeverShowsASecret() {
        assertFalse(new Credentials.Basic("flux", "ghp_secret").toString().contains("ghp_secret"));
        assertFalse(new Credentials.Token("tok_secret").toString().contains("tok_secret"));
        assertFalse(Credentials.fromSecret(Map.of("githubAppID", "1", "githubAppInstallationID", "2",
                "githubAppPrivateKey", "-----BEGIN RSA PRIVATE KEY-----")).toString().contains("PRIVATE"));
    }
}
