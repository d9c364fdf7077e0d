package dev.rset.store;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretNamesTest {
    @Test
    void receiverTokensAndProviderCredentialsHaveTheirOwnPrefixes() {
        SecretNames names = new SecretNames("cp/");
        assertEquals("cp/receivers/apps/github-token", names.receiverToken("apps", "github-token").name());
        assertEquals("cp/secrets/apps/forge-auth", names.providerSecret("apps", "forge-auth").name());
    }

    @Test
    void anUnsetPrefixIsTheStacksDefault() {
        assertEquals("rset/receivers/apps/t", new SecretNames(null).receiverToken("apps", "t").name());
        assertEquals("rset/secrets/apps/t", new SecretNames(" ").providerSecret("apps", "t").name());
    }
}
